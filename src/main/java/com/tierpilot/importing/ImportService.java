package com.tierpilot.importing;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerIntakeService;
import com.tierpilot.customer.IntakeCounts;
import com.tierpilot.customer.IntakeStaging;
import com.tierpilot.importing.ConvertedRow.Accepted;
import com.tierpilot.importing.ConvertedRow.Rejected;
import com.tierpilot.importing.persistence.ImportRunRepository;
import com.tierpilot.importing.ImportRunStatus.Phase;
import com.tierpilot.importing.PreviewRow.PreviewProblem;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantService;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import wizard's service: analyse an uploaded file, preview it with the chosen mapping, and import it in the
 * background with progress. An import reads the file as a stream into the customer module's staging
 * ({@link CustomerIntakeService}; its own short transactions, invisible to users), then has it merged in ONE
 * transaction: it lands completely or not at all. Rejected rows (by the checks here, and the lines the merge turns
 * away) are kept with their reason for the downloadable report; a failed import keeps nothing.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    public static final long MAX_BYTES = 100L * 1024 * 1024;
    public static final int MAX_ROWS = 2_000_000;
    static final int SAMPLE_ROWS = 20;
    /** An import whose heartbeat is older is taken for dead with its node; a live one beats every few seconds. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    /** Rejected rows are written in JDBC batches of this many, as the staged rows are. */
    private static final int REJECTIONS_BATCH = 5000;

    private final ImportRunRepository runs;
    private final ImportHeartbeats heartbeats;
    private final ImportProgress progress;
    private final ImportConfig.ImportFiles files;
    private final ThreadPoolTaskExecutor executor;
    private final CustomerIntakeService intake;
    private final TransactionTemplate ownTransaction;
    private final TenantService tenants;
    private final TeamDirectoryService team;
    private final JsonMapper json;
    private final Clock clock;

    ImportService(ImportRunRepository runs, ImportHeartbeats heartbeats, ImportProgress progress,
            ImportConfig.ImportFiles files, ThreadPoolTaskExecutor importExecutor, CustomerIntakeService intake,
            PlatformTransactionManager transactions, TenantService tenants, TeamDirectoryService team,
            JsonMapper json, Clock clock) {
        this.runs = runs;
        this.heartbeats = heartbeats;
        this.progress = progress;
        this.files = files;
        this.executor = importExecutor;
        this.intake = intake;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tenants = tenants;
        this.team = team;
        this.json = json;
        this.clock = clock;
    }

    /** A fresh path in the upload directory for a file being uploaded. */
    public Path newUploadPath() {
        return files.dir().resolve("upload-" + UUID.randomUUID() + ".bin");
    }

    /** Recognises the file and suggests settings: the ones the tenant used for this layout, or a guess. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public FileAnalysis analyze(TenantId tenant, Path file) {
        checkSize(file);
        SniffedFile sniffed = FileSniffer.sniff(file);
        try (TabularSource source = open(file, sniffed)) {
            List<String> header = source.header();
            List<SourceRow> sample = new ArrayList<>();
            Iterator<SourceRow> it = source.rows();
            while (it.hasNext() && sample.size() < SAMPLE_ROWS) {
                sample.add(it.next());
            }
            Integer orderColumn = HeaderSynonyms.suggest(header, ImportKind.ORDERS).get(ImportField.ORDER_NO);
            OrderRepeats repeats = orderColumn == null ? OrderRepeats.NONE
                    : OrderRepeats.scan(Stream.concat(sample.stream(), Stream.iterate(it, Iterator::hasNext, i -> i)
                            .map(Iterator::next)).iterator(), orderColumn);
            Optional<ImportSettings> remembered = runs.rememberedSettings(tenant, layout(header))
                    .map(this::decode).filter(s -> valid(s, header));
            if (remembered.isPresent()) {
                return new FileAnalysis(sniffed, header, sample, remembered.get(), true, repeats);
            }
            ImportKind kind = HeaderSynonyms.suggestKind(header);
            if (kind == ImportKind.ORDERS && repeats.looksLikeOrderLines()) {
                kind = ImportKind.ORDER_LINES; // several differing rows per order number: the data says lines
            }
            return new FileAnalysis(sniffed, header, sample, suggest(header, sample, kind, tenantZone(tenant)), false,
                    repeats);
        }
    }

    /**
     * What an "Orders" import of the file would drop: the rows that repeat an earlier row's order number (up to
     * {@link OrderRepeats#MAX_ROWS} rows are read). Nothing for other kinds, which keep every row of an order.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public OrderRepeats orderRepeats(TenantId tenant, Path file, ImportSettings settings) {
        Integer orderColumn = settings.columns().get(ImportField.ORDER_NO);
        if (settings.kind() != ImportKind.ORDERS || orderColumn == null) {
            return OrderRepeats.NONE;
        }
        try (TabularSource source = open(file, FileSniffer.sniff(file))) {
            return OrderRepeats.scan(source.rows(), orderColumn);
        }
    }

    /** A guessed mapping of the header for one kind of file, with a date format read off the sample. */
    public ImportSettings suggest(List<String> header, List<SourceRow> sample, ImportKind kind, ZoneId zone) {
        Map<ImportField, Integer> columns = HeaderSynonyms.suggest(header, kind);
        List<String> dates = new ArrayList<>();
        for (ImportField dateField : List.of(ImportField.ORDERED_AT, ImportField.BIRTHDAY, ImportField.CREATED_ON)) {
            Integer column = columns.get(dateField);
            if (column != null) {
                sample.forEach(row -> dates.add(row.cell(column)));
            }
        }
        DateFormatOption format = DateFormatOption.detect(dates).orElse(DateFormatOption.ISO);
        return new ImportSettings(kind, columns, Map.of(), format, zone, kind == ImportKind.ORDER_LINES);
    }

    /** The first rows as they would be imported with these settings, each with its problems. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<PreviewRow> preview(TenantId tenant, Path file, ImportSettings settings) {
        SniffedFile sniffed = FileSniffer.sniff(file);
        try (TabularSource source = open(file, sniffed)) {
            settings.validate(source.header());
            RowConverter converter = new RowConverter(settings, tenantZone(tenant), managers(tenant));
            List<PreviewRow> rows = new ArrayList<>();
            Set<String> orderNumbers = new HashSet<>();
            Integer orderColumn = settings.kind() == ImportKind.ORDERS ? settings.columns().get(ImportField.ORDER_NO)
                    : null;
            for (Iterator<SourceRow> it = source.rows(); it.hasNext() && rows.size() < SAMPLE_ROWS;) {
                SourceRow row = it.next();
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                settings.columns().forEach((field, column) -> values.put(field, row.cell(column)));
                Map<String, String> attributes = new LinkedHashMap<>();
                settings.attributes().forEach((name, column) -> attributes.put(name, row.cell(column)));
                List<PreviewProblem> problems = new ArrayList<>();
                if (converter.convert(row) instanceof Rejected rejected) {
                    rejected.problems().forEach(p -> problems.add(new PreviewProblem(
                            p.field() == null ? "" : p.field().name(), p.reason(), p.detail())));
                }
                String orderNo = orderColumn == null ? "" : row.cell(orderColumn).strip();
                if (!orderNo.isEmpty() && !orderNumbers.add(orderNo.toUpperCase(Locale.ROOT))) {
                    // An "Orders" import keeps the first row of an order number and drops the others.
                    problems.add(new PreviewProblem(ImportField.ORDER_NO.name(), RejectReason.DUPLICATE_IN_FILE,
                            orderNo));
                }
                rows.add(new PreviewRow(row.rowNumber(), values, attributes, problems));
            }
            return rows;
        }
    }

    /**
     * Starts the import in the background and returns its id. The uploaded file is deleted when the import ends.
     * The settings are remembered for the next file with the same header.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long start(TenantId tenant, UserId user, Path file, String fileName, ImportSettings settings) {
        long run = prepare(tenant, user, file, fileName, settings);
        ZoneId zone = tenantZone(tenant);
        try {
            executor.execute(() -> {
                try {
                    execute(tenant, run, file, settings, zone);
                } finally {
                    delete(file);
                }
            });
        } catch (RejectedExecutionException busy) {
            runs.fail(tenant, run, "import.error.busy", "", clock.instant());
            delete(file);
            throw new UserFacingException("import.error.busy");
        }
        return run;
    }

    public ImportRunStatus status(TenantId tenant, long run) {
        return runs.find(tenant, run).orElseThrow(() -> new NotFoundException("import"));
    }

    /** The tenant's imports, newest first. Imports whose node died are marked failed first. */
    public List<ImportRunStatus> history(TenantId tenant, int offset, int limit) {
        Instant now = clock.instant();
        runs.failAbandoned(tenant, now.minus(ABANDONED_AFTER), now);
        return runs.history(tenant, offset, limit);
    }

    public int countHistory(TenantId tenant) {
        return runs.count(tenant);
    }

    /** Calls the listener on this node with every progress update of the run, until it ends; returns the undo. */
    public Runnable onProgress(TenantId tenant, long run, Consumer<ImportRunStatus> listener) {
        status(tenant, run);
        return progress.subscribe(run, listener);
    }

    /** Writes the run's rejected rows as CSV, with texts from {@code label} (message key to text). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void writeRejections(TenantId tenant, long run, Writer out, Function<String, String> label)
            throws IOException {
        status(tenant, run);
        runs.writeRejections(tenant, run, out, label);
    }

    private long prepare(TenantId tenant, UserId user, Path file, String fileName, ImportSettings settings) {
        checkSize(file);
        SniffedFile sniffed = FileSniffer.sniff(file);
        List<String> header;
        try (TabularSource source = open(file, sniffed)) {
            header = source.header();
        }
        settings.validate(header);
        Instant now = clock.instant();
        String encoded = encode(settings);
        runs.remember(tenant, layout(header), settings.kind(), encoded, now);
        String name = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        return runs.create(tenant, user, name, size(file), settings.kind(), encoded, now);
    }

    private void execute(TenantId tenant, long run, Path file, ImportSettings settings, ZoneId zone) {
        TenantLogContext.set(tenant);
        long started = System.nanoTime();
        int rows = 0;
        IntakeStaging staged = intake.staging(tenant, run, settings.kind() == ImportKind.ORDER_LINES);
        List<Rejected> pendingRejections = new ArrayList<>();
        try (ImportHeartbeats.Beat beat = heartbeats.start(tenant, run);
                TabularSource source = open(file, FileSniffer.sniff(file))) {
            RowConverter converter = new RowConverter(settings, zone, managers(tenant));
            int rejected = 0;
            report(tenant, run, Phase.READING, 0, 0, 0);
            long lastReport = System.nanoTime();
            for (Iterator<SourceRow> it = source.rows(); it.hasNext();) {
                SourceRow row = it.next();
                if (++rows > MAX_ROWS) {
                    throw new UserFacingException("import.error.tooManyRows", MAX_ROWS);
                }
                switch (converter.convert(row)) {
                    case Accepted accepted -> staged.add(accepted.row());
                    case Rejected rejection -> {
                        rejected++;
                        pendingRejections.add(rejection);
                        if (pendingRejections.size() >= REJECTIONS_BATCH) {
                            keep(tenant, run, pendingRejections);
                        }
                    }
                }
                if ((rows & 1023) == 0 && System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                    report(tenant, run, Phase.READING, rows, rejected, (int) (source.progress() * 800));
                    lastReport = System.nanoTime();
                }
            }
            if (rows == 0) {
                throw new UserFacingException("import.error.noRows");
            }
            long read = System.nanoTime();
            keep(tenant, run, pendingRejections);
            staged.finish();
            long stagedAt = System.nanoTime();
            report(tenant, run, Phase.MERGING, rows, rejected, 850);
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            IntakeCounts counts = ownTransaction.execute(status -> {
                IntakeCounts merged = settings.kind() == ImportKind.CUSTOMERS
                        ? intake.mergeCustomers(tenant, run, now, today)
                        : intake.mergeOrders(tenant, run, settings.kind() == ImportKind.ORDER_LINES,
                                settings.cancellationPrefix(), now);
                runs.takeMergeRejections(tenant, run);
                return merged;
            });
            runs.succeed(tenant, run, counts, rows, clock.instant());
            runs.find(tenant, run).ifPresent(progress::publish);
            log.info("Import {} of {} rows done in {} ms (reading {} ms, loading staging {} ms, merging {} ms): {}",
                    run, rows, millis(started), (read - started) / 1_000_000, (stagedAt - read) / 1_000_000,
                    millis(stagedAt), counts);
        } catch (UserFacingException e) {
            log.info("Import {} failed: {}", run, e.getMessage());
            runs.fail(tenant, run, e.messageKey(), java.util.Arrays.toString(e.args()), clock.instant());
            runs.find(tenant, run).ifPresent(progress::publish);
        } catch (RuntimeException e) {
            log.error("Import {} failed unexpectedly after {} rows", run, rows, e);
            runs.fail(tenant, run, "import.error.unexpected", String.valueOf(e.getMessage()), clock.instant());
            runs.find(tenant, run).ifPresent(progress::publish);
        } finally {
            try {
                staged.discard();
                long cleared = System.nanoTime();
                ownTransaction.executeWithoutResult(status -> intake.clear(tenant, run));
                log.debug("Staging of import {} cleared in {} ms", run, millis(cleared));
            } finally {
                TenantLogContext.clear();
            }
        }
    }

    /** Writes the pending rejected rows in a transaction of their own, and forgets them. */
    private void keep(TenantId tenant, long run, List<Rejected> pending) {
        if (!pending.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> runs.addRejections(tenant, run, pending));
            pending.clear();
        }
    }

    private static long millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private void report(TenantId tenant, long run, Phase phase, int rows, int rejected, int permille) {
        runs.progress(tenant, run, phase, rows, rejected, permille, clock.instant());
        runs.find(tenant, run).ifPresent(progress::publish);
    }

    private static TabularSource open(Path file, SniffedFile sniffed) {
        return sniffed.format() == FileFormat.XLSX ? new XlsxSource(file) : new CsvSource(file, sniffed);
    }

    private ZoneId tenantZone(TenantId tenant) {
        return tenants.profile(tenant).timeZone();
    }

    /** The tenant's active users, by lower-case e-mail address and by display name. */
    private Map<String, Long> managers(TenantId tenant) {
        Map<String, Long> byKey = new HashMap<>();
        team.activeUsers(tenant).forEach(u -> {
            byKey.put(u.email().toLowerCase(Locale.ROOT), u.userId().value());
            byKey.putIfAbsent(u.displayName().toLowerCase(Locale.ROOT), u.userId().value());
        });
        return byKey;
    }

    private static String layout(List<String> header) {
        return SecretTokens.hash(String.join("\u0001", header.stream().map(HeaderSynonyms::normalize).toList()));
    }

    private static boolean valid(ImportSettings settings, List<String> header) {
        try {
            settings.validate(header);
            return true;
        } catch (UserFacingException stale) {
            return false;
        }
    }

    private String encode(ImportSettings settings) {
        return json.writeValueAsString(settings);
    }

    private ImportSettings decode(String text) {
        return json.readValue(text, ImportSettings.class);
    }

    private static void checkSize(Path file) {
        if (size(file) > MAX_BYTES) {
            throw new UserFacingException("import.error.tooLarge");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserFacingException("import.error.unreadable");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }
}

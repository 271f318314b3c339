package com.tierpilot.importing;

import com.tierpilot.base.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises an uploaded file from its first bytes: XLSX (a zip) or delimited text; for text, the encoding (a byte
 * order mark, else strict UTF-8, else GB18030, the superset of GBK and GB2312 that Excel and WPS write on Chinese
 * Windows) and the delimiter. Binary files, old .xls files and empty files are refused with a clear message.
 */
public final class FileSniffer {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int HEAD = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private FileSniffer() {
    }

    public static SniffedFile sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UserFacingException("import.error.unreadable");
        }
        if (head.length == 0) {
            throw new UserFacingException("import.error.empty");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return new SniffedFile(FileFormat.XLSX, StandardCharsets.UTF_8, 0, ',');
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UserFacingException("import.error.xls");
        }
        Charset charset;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            if (looksBinary(head)) {
                throw new UserFacingException("import.error.binary");
            }
            charset = decodes(head, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8
                    : decodes(head, GB18030) ? GB18030 : null;
            if (charset == null) {
                throw new UserFacingException("import.error.encoding");
            }
        }
        String text = new String(head, bom, head.length - bom, charset);
        if (text.strip().isEmpty()) {
            throw new UserFacingException("import.error.empty");
        }
        if (bom > 0 && looksBinary(text)) {
            throw new UserFacingException("import.error.binary");
        }
        return new SniffedFile(FileFormat.CSV, charset, bom, delimiter(text));
    }

    /** The delimiter that splits the first lines into the same number (more than one) of fields most often. */
    static char delimiter(String text) {
        List<String> lines = Arrays.stream(text.split("\r\n|\n|\r")).filter(l -> !l.isBlank()).limit(30).toList();
        if (lines.size() > 1 && text.length() >= HEAD - 4) {
            lines = lines.subList(0, lines.size() - 1); // the last line may be cut off
        }
        char best = ',';
        int bestScore = 0;
        for (char d : DELIMITERS) {
            Map<Integer, Integer> countsByFields = new HashMap<>();
            for (String line : lines) {
                int fields = fieldCount(line, d);
                if (fields > 1) {
                    countsByFields.merge(fields, 1, Integer::sum);
                }
            }
            int score = countsByFields.values().stream().max(Integer::compare).orElse(0);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    private static int fieldCount(String line, char delimiter) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    private static boolean decodes(byte[] head, Charset charset) {
        // A multi-byte character may be cut off at the end of the sample: ignore its last bytes.
        int length = head.length == HEAD ? head.length - 4 : head.length;
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if ((b & 0xFF) < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 100;
    }

    private static boolean looksBinary(String text) {
        long control = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f').count();
        return text.indexOf('\0') >= 0 || control > text.length() / 100;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package com.tierpilot.demo;

import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.Gender;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a realistic, deterministic customer base for a Chinese online-and-offline retailer: a heavy-tailed
 * (Pareto-like) spend, customers joining over two years, many of them lapsing, more orders around 618, Double 11
 * and the year end and fewer at Spring Festival, some refunds and cancellations, and customers split among account
 * managers by region. The same seed and end date always give the same data.
 */
final class DemoDataGenerator {

    /** Month weights, January first: 618 (June), Double 11 (November), Double 12, and the Spring Festival dip. */
    private static final double[] SEASON = {1.15, 0.7, 0.9, 0.9, 1.0, 1.45, 0.9, 0.9, 1.0, 1.1, 1.75, 1.3};
    private static final double MAX_SEASON = 1.75;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晨", "欣怡", "子涵", "浩然", "雨桐",
        "梓萱", "宇轩", "思远", "佳怡", "俊杰", "诗涵", "博文", "一鸣"};
    private static final String[] CATEGORIES = {"服饰", "美妆", "家居", "数码", "食品"};
    private static final double[] CATEGORY_WEIGHTS = {0.30, 0.20, 0.15, 0.15, 0.20};
    private static final String[] CHANNELS = {"微信小程序", "天猫", "线下门店", "抖音", "京东"};
    private static final double[] CHANNEL_WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.10};
    private static final String[] INDUSTRIES = {"零售", "餐饮", "制造", "教育", "医疗", "信息技术"};
    private static final String[] COMPANY_SIZES = {"1-10", "11-50", "51-200", "201-1000"};
    private static final String[] INTEREST_TAGS = {"新品爱好者", "价格敏感", "会员日常客", "礼品采购"};

    /** Where customers live: region, its cities, its weight, and the index of the account manager who covers it. */
    private record Region(String name, String[] cities, double weight, int manager) {
    }

    private static final List<Region> REGIONS = List.of(
            new Region("上海", new String[] {"上海"}, 0.14, 0),
            new Region("浙江", new String[] {"杭州", "宁波", "温州"}, 0.12, 0),
            new Region("江苏", new String[] {"南京", "苏州", "无锡"}, 0.10, 0),
            new Region("广东", new String[] {"广州", "深圳", "东莞", "佛山"}, 0.17, 1),
            new Region("福建", new String[] {"福州", "厦门"}, 0.06, 1),
            new Region("北京", new String[] {"北京"}, 0.11, 2),
            new Region("山东", new String[] {"济南", "青岛"}, 0.07, 2),
            new Region("天津", new String[] {"天津"}, 0.04, 2),
            new Region("四川", new String[] {"成都", "绵阳"}, 0.08, 3),
            new Region("湖北", new String[] {"武汉", "宜昌"}, 0.06, 3),
            new Region("重庆", new String[] {"重庆"}, 0.05, 3));

    record DemoData(List<CustomerRecord> customers, List<OrderRecord> orders) {
    }

    private final String prefix;
    private final Random random;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    /**
     * @param lastDay the last day with orders (yesterday); the data spans the two years up to it
     */
    DemoDataGenerator(long seed, LocalDate lastDay) {
        this(seed, lastDay, "");
    }

    /**
     * @param prefix put before every customer code and order number (the sample data's, so that they never meet a
     *        company's own)
     */
    DemoDataGenerator(long seed, LocalDate lastDay, String prefix) {
        this.prefix = prefix;
        this.random = new Random(seed);
        this.lastDay = lastDay;
        this.firstDay = lastDay.minusDays(729);
    }

    DemoData generate(int customerCount, int targetOrders, List<UserId> managers) {
        int days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
        List<Profile> profiles = new ArrayList<>();
        double expected = 0;
        for (int i = 1; i <= customerCount; i++) {
            Profile p = profile(i, days);
            profiles.add(p);
            expected += p.buyer ? 1 + p.rate * p.activeDays() : 0;
        }
        double scale = (targetOrders * 0.95 - profiles.stream().filter(p -> p.buyer).count())
                / (expected - profiles.stream().filter(p -> p.buyer).count());

        List<OrderRecord> orders = new ArrayList<>();
        Map<String, BigDecimal> spend = new HashMap<>();
        int sequence = 0;
        for (Profile p : profiles) {
            if (!p.buyer) {
                continue;
            }
            int n = 1 + poisson(p.rate * scale * p.activeDays());
            List<LocalDate> dates = new ArrayList<>();
            dates.add(p.joined);
            for (int k = 1; k < n; k++) {
                dates.add(seasonalDay(p.joined, p.lastActive));
            }
            dates.sort(Comparator.naturalOrder());
            for (LocalDate day : dates) {
                sequence++;
                LocalDateTime at = day.atTime(timeOfDay());
                String orderNo = prefix + "SO" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", sequence);
                BigDecimal amount = BigDecimal.valueOf(p.meanSpend * Math.exp(0.35 * random.nextGaussian()))
                        .setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("9.90"));
                String category = random.nextDouble() < 0.6 ? p.favoriteCategory
                        : pick(CATEGORIES, CATEGORY_WEIGHTS);
                String channel = random.nextDouble() < 0.7 ? p.channel : pick(CHANNELS, CHANNEL_WEIGHTS);
                double roll = random.nextDouble();
                OrderStatus status = roll < 0.02 ? OrderStatus.CANCELLED : OrderStatus.COMPLETED;
                orders.add(new OrderRecord(orderNo, p.code, at, amount, 1 + random.nextInt(4), category, channel,
                        status));
                if (status == OrderStatus.COMPLETED) {
                    spend.merge(p.code, amount, BigDecimal::add);
                    if (roll > 0.96) {
                        LocalDate refundDay = day.plusDays(1 + random.nextInt(14));
                        if (!refundDay.isAfter(lastDay)) {
                            BigDecimal refunded = random.nextBoolean() ? amount
                                    : amount.divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
                            orders.add(new OrderRecord(orderNo + "-R", p.code, refundDay.atTime(timeOfDay()),
                                    refunded.negate(), 1, category, channel, OrderStatus.REFUNDED));
                            spend.merge(p.code, refunded.negate(), BigDecimal::add);
                        }
                    }
                }
            }
        }
        Set<String> vips = topSpenders(spend, customerCount / 20);
        List<CustomerRecord> customers = profiles.stream().map(p -> p.toRecord(vips.contains(p.code), managers))
                .toList();
        return new DemoData(customers, orders);
    }

    private Profile profile(int index, int days) {
        Profile p = new Profile();
        p.code = prefix + String.format("DS%05d", index);
        p.buyer = random.nextDouble() >= 0.05;
        // Join date: a little more recent joining than early, as a growing shop has.
        double u = Math.pow(random.nextDouble(), 0.85);
        p.joined = firstDay.plusDays((long) (u * (days - 1)));
        long lifetime = (long) (-Math.log(1 - random.nextDouble()) * 420);
        p.lastActive = p.joined.plusDays(lifetime).isAfter(lastDay) ? lastDay : p.joined.plusDays(lifetime);
        p.rate = gamma(0.9) * 0.02;
        p.meanSpend = Math.exp(Math.log(160) + 0.85 * random.nextGaussian());
        p.favoriteCategory = pick(CATEGORIES, CATEGORY_WEIGHTS);
        p.channel = pick(CHANNELS, CHANNEL_WEIGHTS);
        p.region = pickRegion();
        p.city = p.region.cities[random.nextInt(p.region.cities.length)];
        p.name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        p.b2b = random.nextDouble() < 0.15;
        p.gender = random.nextDouble() < 0.05 ? null : random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
        p.birthday = random.nextDouble() < 0.8
                ? LocalDate.of(lastDay.getYear() - 18 - random.nextInt(48), 1 + random.nextInt(12),
                        1 + random.nextInt(28))
                : null;
        p.phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
        p.email = random.nextDouble() < 0.4 ? "customer" + index + "@example.cn" : null;
        p.consent = random.nextDouble() < 0.7;
        p.industry = p.b2b ? INDUSTRIES[random.nextInt(INDUSTRIES.length)] : null;
        p.companySize = p.b2b ? COMPANY_SIZES[random.nextInt(COMPANY_SIZES.length)] : null;
        p.interest = random.nextDouble() < 0.5 ? INTEREST_TAGS[random.nextInt(INTEREST_TAGS.length)] : null;
        return p;
    }

    private LocalDate seasonalDay(LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay() + 1;
        while (true) {
            LocalDate day = from.plusDays((long) (random.nextDouble() * span));
            if (random.nextDouble() * MAX_SEASON <= SEASON[day.getMonthValue() - 1]) {
                return day;
            }
        }
    }

    private LocalTime timeOfDay() {
        // Most orders between 9:00 and 23:00, peaking in the evening.
        int hour = Math.min(23, 9 + (int) Math.abs(random.nextGaussian() * 4 + 10) % 15);
        return LocalTime.of(hour, random.nextInt(60), random.nextInt(60));
    }

    private Region pickRegion() {
        double r = random.nextDouble() * REGIONS.stream().mapToDouble(Region::weight).sum();
        for (Region region : REGIONS) {
            r -= region.weight;
            if (r <= 0) {
                return region;
            }
        }
        return REGIONS.getLast();
    }

    private String pick(String[] values, double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r <= 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private int poisson(double lambda) {
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A Gamma(shape, 1) variate (Marsaglia and Tsang; boosted for shape below 1). */
    private double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static Set<String> topSpenders(Map<String, BigDecimal> spend, int count) {
        Set<String> top = new HashSet<>();
        spend.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).limit(count)
                .forEach(e -> top.add(e.getKey()));
        return top;
    }

    private static final class Profile {
        String code;
        boolean buyer;
        LocalDate joined;
        LocalDate lastActive;
        double rate;
        double meanSpend;
        String favoriteCategory;
        String channel;
        Region region;
        String city;
        String name;
        boolean b2b;
        Gender gender;
        LocalDate birthday;
        String phone;
        String email;
        boolean consent;
        String industry;
        String companySize;
        String interest;

        long activeDays() {
            return lastActive.toEpochDay() - joined.toEpochDay() + 1;
        }

        CustomerRecord toRecord(boolean vip, List<UserId> managers) {
            Set<String> tags = new HashSet<>();
            if (vip) {
                tags.add("VIP");
            }
            if (b2b) {
                tags.add("企业客户");
            }
            if (interest != null) {
                tags.add(interest);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("会员卡", buyer && rate > 0.02 ? "金卡" : "普通卡");
            UserId manager = managers.isEmpty() ? null : managers.get(region.manager % managers.size());
            return new CustomerRecord(code, name, phone, email, gender, birthday, region.name, city, industry,
                    companySize, channel, tags, manager, joined, consent, attributes);
        }
    }
}

package dev.weft.usage.relations;

import dev.weft.Database;
import dev.weft.Filter;
import dev.weft.Query;
import dev.weft.test.StatementLog;
import dev.weft.test.model.Country;
import dev.weft.test.model.Novel;
import dev.weft.test.model.Press;
import dev.weft.test.model.Theme;
import dev.weft.test.model.Writer;
import dev.weft.test.model.WriterProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.weft.Filter.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every query strategy against a plain-Java computation over the same generated data: a seeded data set of a few
 * thousand rows (countries, presses with a nullable country, writers with a nullable press and an optional profile
 * whose bio may be NULL, novels with a writer, themes linked to novels many-to-many), kept both in SQLite and as
 * plain records. Filters, excludes and orders across relation paths must match what the records give; selectRelated
 * and prefetchRelated must reach the same objects as the records (and as a naive lazy load, which is checked against
 * the records first), with the statement counts of the contract.
 *
 * <p>Each test runs many random cases and reports every mismatch at once. The data set is built once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationQueryEquivalenceTest {

    private static final long SEED = 0x5EED_2024L;
    private static final String[] WORDS = {"amber", "Birch", "cedar", "Dune", "ember", "Frost", "grove", "Harbor",
            "iris", "Jade", "kelp", "Lumen", "moss", "Nova", "opal", "Pine", "quartz", "Rain", "sage", "Tide", "umber",
            "Vale", "willow", "Yarrow", "Zephyr"};
    private static final String[] FIRST = {"Ada", "Ben", "Cleo", "Dmitri", "Eve", "Farid", "Gus", "Hana", "Ivo",
            "June"};
    private static final String[] LAST = {"Abbot", "Brandt", "Chen", "Diaz", "Ekberg", "Fox", "Grieg", "Holm", "Ito",
            "Jones", "Kahn", "Lind"};
    private static final String[][] COUNTRIES = {{"AR", "Argentina"}, {"BE", "Belgium"}, {"CL", "Chile"},
            {"DK", "Denmark"}, {"EE", "Estonia"}, {"FI", "Finland"}};
    private static final int PRESSES = 25;
    private static final int WRITERS = 250;
    private static final int WRITERS_WITHOUT_NOVELS = 20;
    private static final int NOVELS = 1500;
    private static final int THEMES = 28;
    private static final int UNUSED_THEMES = 4;

    record CountryRow(String code, String name) {
    }

    record PressRow(long id, String name, String country) {
    }

    record WriterRow(long id, String name, Long press, Long profile, String bio) {
    }

    record NovelRow(long id, String title, int pages, LocalDate published, long writer, Set<Long> themes) {
    }

    record ThemeRow(long id, String name) {
    }

    /** A refinement of a query and the condition on the records that it must agree with. */
    record Case<T, R>(String what, UnaryOperator<Query<T>> refine, Predicate<R> holds) {
    }

    private final StatementLog log = new StatementLog();
    private Database db;

    private final Map<String, CountryRow> countries = new LinkedHashMap<>();
    private final Map<Long, PressRow> presses = new LinkedHashMap<>();
    private final Map<Long, WriterRow> writers = new LinkedHashMap<>();
    private final Map<Long, NovelRow> novels = new LinkedHashMap<>();
    private final Map<Long, ThemeRow> themes = new LinkedHashMap<>();
    private final Map<Long, List<NovelRow>> novelsOf = new LinkedHashMap<>();
    private final Map<Long, List<NovelRow>> novelsWith = new LinkedHashMap<>();

    // ---- the data set ------------------------------------------------------------------------------

    @BeforeAll
    void generate() {
        db = Database.builder().inMemory().onStatement(log).build();
        db.createTables(Country.class, Press.class, Writer.class, WriterProfile.class, Novel.class, Theme.class);
        Random random = new Random(SEED);

        List<Country> countryList = new ArrayList<>();
        for (String[] country : COUNTRIES) {
            countryList.add(new Country(country[0], country[1]));
        }
        db.saveAll(countryList);
        List<Press> pressList = new ArrayList<>();
        for (int i = 0; i < PRESSES; i++) {
            Country country = random.nextInt(10) < 3 ? null : countryList.get(random.nextInt(countryList.size()));
            pressList.add(new Press(pick(random, WORDS) + " " + pick(random, WORDS) + " Press", country));
        }
        db.saveAll(pressList);
        List<Writer> writerList = new ArrayList<>();
        List<WriterProfile> profileList = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Press press = random.nextInt(4) == 0 ? null : pressList.get(random.nextInt(pressList.size()));
            Writer writer = new Writer(pick(random, FIRST) + " " + pick(random, LAST), press);
            writerList.add(writer);
            if (random.nextInt(5) < 3) {
                String bio = random.nextInt(7) == 0 ? null
                        : pick(random, WORDS) + " " + pick(random, WORDS) + " " + pick(random, WORDS);
                profileList.add(new WriterProfile(writer, bio));
            }
        }
        db.saveAll(writerList);
        db.saveAll(profileList);
        List<Theme> themeList = new ArrayList<>();
        for (int i = 0; i < THEMES; i++) {
            themeList.add(new Theme(WORDS[i % WORDS.length].toLowerCase(Locale.ROOT)
                    + (i / WORDS.length == 0 ? "" : "s")));
        }
        db.saveAll(themeList);
        List<Novel> novelList = new ArrayList<>();
        List<Set<Integer>> themesOfNovel = new ArrayList<>();
        for (int i = 0; i < NOVELS; i++) {
            Writer writer = writerList.get(WRITERS_WITHOUT_NOVELS + random.nextInt(WRITERS - WRITERS_WITHOUT_NOVELS));
            LocalDate published = random.nextInt(10) == 0 ? null
                    : LocalDate.of(1900, 1, 1).plusDays(random.nextInt(120 * 365));
            Novel novel = new Novel(pick(random, WORDS) + " " + pick(random, WORDS), 40 + random.nextInt(900),
                    published,
                    writer);
            int links = random.nextInt(4);
            Set<Integer> chosen = new TreeSet<>();
            while (chosen.size() < links) {
                chosen.add(random.nextInt(THEMES - UNUSED_THEMES));
            }
            for (int t : chosen) {
                novel.themes.add(themeList.get(t));
            }
            novelList.add(novel);
            themesOfNovel.add(chosen);
        }
        db.saveAll(novelList);

        for (Country c : countryList) {
            countries.put(c.code, new CountryRow(c.code, c.name));
        }
        for (Press p : pressList) {
            presses.put(p.id, new PressRow(p.id, p.name, p.country == null ? null : p.country.code));
        }
        Map<Writer, WriterProfile> profileOf = new LinkedHashMap<>();
        profileList.forEach(p -> profileOf.put(p.writer, p));
        for (Writer w : writerList) {
            WriterProfile profile = profileOf.get(w);
            writers.put(w.id, new WriterRow(w.id, w.name, w.press == null ? null : w.press.id,
                    profile == null ? null : profile.id, profile == null ? null : profile.bio));
            novelsOf.put(w.id, new ArrayList<>());
        }
        for (Theme t : themeList) {
            themes.put(t.id, new ThemeRow(t.id, t.name));
            novelsWith.put(t.id, new ArrayList<>());
        }
        for (int i = 0; i < NOVELS; i++) {
            Novel n = novelList.get(i);
            Set<Long> themeIds = themesOfNovel.get(i).stream().map(t -> themeList.get(t).id)
                    .collect(Collectors.toCollection(TreeSet::new));
            NovelRow row = new NovelRow(n.id, n.title, n.pages, n.published, n.writer.id, themeIds);
            novels.put(n.id, row);
            novelsOf.get(n.writer.id).add(row);
            themeIds.forEach(t -> novelsWith.get(t).add(row));
        }
        db.clearCache();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void forget() {
        db.clearCache();
        log.clear();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // ---- the records' view of the relations --------------------------------------------------------

    private WriterRow writerOf(NovelRow novel) {
        return writers.get(novel.writer());
    }

    private PressRow pressOf(WriterRow writer) {
        return writer.press() == null ? null : presses.get(writer.press());
    }

    private CountryRow countryOf(PressRow press) {
        return press == null || press.country() == null ? null : countries.get(press.country());
    }

    private String pressName(WriterRow writer) {
        PressRow press = pressOf(writer);
        return press == null ? null : press.name();
    }

    private String countryName(WriterRow writer) {
        CountryRow country = countryOf(pressOf(writer));
        return country == null ? null : country.name();
    }

    private Set<String> themeNames(NovelRow novel) {
        return novel.themes().stream().map(t -> themes.get(t).name()).collect(Collectors.toSet());
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    // ---- checking ------------------------------------------------------------------------------------

    /** Runs the cases, each as a filter-style refinement of {@code db.select(type)}, and records every mismatch. */
    private <T, R> int[] run(List<String> failures, Class<T> type, ToLongFunction<T> idOf, Collection<R> rows,
            ToLongFunction<R> rowId, List<Case<T, R>> cases) {
        int nonTrivial = 0;
        for (Case<T, R> c : cases) {
            List<Long> expected = rows.stream().filter(c.holds()).map(rowId::applyAsLong).sorted().toList();
            if (!expected.isEmpty() && expected.size() < rows.size()) {
                nonTrivial++;
            }
            compare(failures, c.what(), () -> c.refine().apply(db.select(type)), idOf, expected, false);
        }
        return new int[] {cases.size(), nonTrivial};
    }

    private <T> void compare(List<String> failures, String what, java.util.function.Supplier<Query<T>> query,
            ToLongFunction<T> idOf, List<Long> expected, boolean ordered) {
        try {
            Query<T> q = query.get();
            List<Long> actual = new ArrayList<>(q.fetchAll().stream().map(idOf::applyAsLong).toList());
            if (!ordered) {
                actual.sort(null);
            }
            if (!actual.equals(expected)) {
                failures.add(what + ": expected " + expected.size() + " rows, got " + actual.size()
                        + differences(expected, actual));
                return;
            }
            if (!ordered) {
                long count = q.count();
                if (count != expected.size()) {
                    failures.add(what + ": count() " + count + " but " + expected.size() + " rows");
                }
                if (q.exists() == expected.isEmpty()) {
                    failures.add(what + ": exists() " + !expected.isEmpty() + " expected");
                }
            }
        } catch (RuntimeException e) {
            failures.add(what + ": " + e);
        }
    }

    private static String differences(List<Long> expected, List<Long> actual) {
        Set<Long> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<Long> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        String shownMissing = missing.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        String shownExtra = extra.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        String duplicates = actual.size() != new HashSet<>(actual).size() ? " (with duplicates)" : "";
        String order = missing.isEmpty() && extra.isEmpty() ? " (same rows, other order: " + head(expected) + " vs "
                + head(actual) + ")" : "";
        return "; missing ids [" + shownMissing + "], unexpected [" + shownExtra + "]" + duplicates + order;
    }

    private static String head(List<Long> ids) {
        return ids.stream().limit(8).map(String::valueOf).collect(Collectors.joining(",", "[", "...]"));
    }

    private static void assertNoFailures(List<String> failures, int[] tally, String family) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + tally[0] + " " + family + " cases disagree with the records:\n  "
                    + failures.stream().limit(25).collect(Collectors.joining("\n  ")));
        }
        assertTrue(tally[1] * 2 >= tally[0], "the data should make most cases non-trivial: " + tally[1] + " of "
                + tally[0]);
    }

    /** {@code filter(lookup, value)} and {@code exclude(lookup, value)}: the records' predicate and its complement. */
    private static <T, R> void both(List<Case<T, R>> cases, String lookup, Object value, Predicate<R> holds) {
        cases.add(new Case<>("filter(" + lookup + ", " + show(value) + ")", q -> q.filter(lookup, value), holds));
        cases.add(new Case<>("exclude(" + lookup + ", " + show(value) + ")", q -> q.exclude(lookup, value),
                holds.negate()));
    }

    private static int[] add(int[] a, int[] b) {
        return new int[] {a[0] + b[0], a[1] + b[1]};
    }

    private WriterRow randomWriter(Random random) {
        return pick(random, List.copyOf(writers.values()));
    }

    private PressRow randomPress(Random random) {
        return pick(random, List.copyOf(presses.values()));
    }

    private ThemeRow randomUsedTheme(Random random) {
        return pick(random, List.copyOf(themes.values()).subList(0, THEMES - UNUSED_THEMES));
    }

    private NovelRow randomNovel(Random random) {
        return pick(random, List.copyOf(novels.values()));
    }

    // ---- the naive load ---------------------------------------------------------------------------------

    /** A writer and everything reachable from it, as text: what the records say and what the objects say. */
    private String describe(WriterRow w) {
        PressRow press = pressOf(w);
        CountryRow country = countryOf(press);
        String novelsText = novelsOf.get(w.id()).stream().sorted(Comparator.comparingLong(NovelRow::id))
                .map(this::describeShallow).collect(Collectors.joining(", "));
        return w.id() + " " + w.name() + " | press " + (press == null ? "-" : press.id() + " " + press.name()
                + " / country " + (country == null ? "-" : country.code() + " " + country.name()))
                + " | profile " + (w.profile() == null ? "-" : w.profile() + " " + w.bio()) + " | novels " + novelsText;
    }

    private String describeShallow(NovelRow n) {
        String themeText = n.themes().stream().map(t -> t + " " + themes.get(t).name())
                .collect(Collectors.joining(";"));
        return n.id() + " " + n.title() + " " + n.pages() + " " + n.published() + " {" + themeText + "}";
    }

    private static String describe(Writer w) {
        Press press = w.press;
        Country country = press == null ? null : press.country;
        String novelsText = w.novels.stream().sorted(Comparator.comparingLong(n -> n.id))
                .map(RelationQueryEquivalenceTest::describeShallow).collect(Collectors.joining(", "));
        return w.id + " " + w.name + " | press " + (press == null ? "-" : press.id + " " + press.name
                + " / country " + (country == null ? "-" : country.code + " " + country.name))
                + " | profile " + (w.profile == null ? "-" : w.profile.id + " " + w.profile.bio)
                + " | novels " + novelsText;
    }

    private static String describeShallow(Novel n) {
        String themeText = n.themes.stream().sorted(Comparator.comparingLong(t -> t.id)).map(t -> t.id + " " + t.name)
                .collect(Collectors.joining(";"));
        return n.id + " " + n.title + " " + n.pages + " " + n.published + " {" + themeText + "}";
    }

    /** A novel with the to-one chain above it: writer, press, country, profile. */
    private String describeUp(NovelRow n) {
        WriterRow w = writerOf(n);
        PressRow press = pressOf(w);
        CountryRow country = countryOf(press);
        return n.id() + " " + n.title() + " " + n.pages() + " " + n.published() + " | writer " + w.id() + " " + w.name()
                + " | press " + (press == null ? "-" : press.id() + " " + press.name() + " / country "
                + (country == null ? "-" : country.code() + " " + country.name()))
                + " | profile " + (w.profile() == null ? "-" : w.profile() + " " + w.bio());
    }

    private static String describeUp(Novel n) {
        Writer w = n.writer;
        Press press = w.press;
        Country country = press == null ? null : press.country;
        return n.id + " " + n.title + " " + n.pages + " " + n.published + " | writer " + w.id + " " + w.name
                + " | press " + (press == null ? "-" : press.id + " " + press.name + " / country "
                + (country == null ? "-" : country.code + " " + country.name))
                + " | profile " + (w.profile == null ? "-" : w.profile.id + " " + w.profile.bio);
    }

    @Test
    void aNaiveLazyLoadReachesWhatTheRecordsSay() {
        List<Writer> all = db.select(Writer.class).order("id").fetchAll();
        assertEquals(WRITERS, all.size());
        List<String> failures = new ArrayList<>();
        for (Writer writer : all) {
            String expected = describe(writers.get(writer.id));
            String actual = describe(writer);
            if (!expected.equals(actual)) {
                failures.add("expected " + expected + "\n    got " + actual);
            }
        }
        for (Theme theme : db.select(Theme.class).fetchAll()) {
            Set<Long> expected = novelsWith.get(theme.id).stream().map(NovelRow::id).collect(Collectors.toSet());
            Set<Long> actual = theme.novels.stream().map(n -> n.id).collect(Collectors.toSet());
            if (!expected.equals(actual)) {
                failures.add("theme " + theme.name + ": " + expected.size() + " novels expected, " + actual.size());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " writers differ:\n" + String.join("\n", failures.subList(0,
                Math.min(5, failures.size()))));
        assertTrue(novelsOf.values().stream().filter(List::isEmpty).count() >= WRITERS_WITHOUT_NOVELS);
        assertTrue(writers.values().stream().anyMatch(w -> w.profile() != null && w.bio() == null));
        assertTrue(presses.values().stream().anyMatch(p -> p.country() == null));
        assertTrue(novels.size() + writers.size()
                + novels.values().stream().mapToInt(n -> n.themes().size()).sum() > 3000,
                "a few thousand rows");
    }

    // ---- filters and excludes ---------------------------------------------------------------------------

    @Test
    void lookupsAcrossToOnePathsAndTheirExcludes() {
        Random random = new Random(SEED + 1);
        List<Case<Novel, NovelRow>> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean flag = i % 2 == 0;
            WriterRow writer = randomWriter(random);
            PressRow press = randomPress(random);
            String word = pick(random, WORDS);
            String name = writer.name();
            both(cases, "writer__name", name, n -> writerOf(n).name().equals(name));
            String prefix = name.substring(0, 1 + random.nextInt(3));
            both(cases, "writer__name__startswith", prefix, n -> writerOf(n).name().startsWith(prefix));
            String part = word.substring(1, 4).toUpperCase(Locale.ROOT);
            both(cases, "writer__press__name__icontains", part, n -> containsIgnoringCase(pressName(writerOf(n)),
                    part));
            List<String> names = List.of(COUNTRIES[random.nextInt(6)][1], COUNTRIES[random.nextInt(6)][1]);
            both(cases, "writer__press__country__name__in", names,
                    n -> countryName(writerOf(n)) != null && names.contains(countryName(writerOf(n))));
            String code = COUNTRIES[random.nextInt(6)][0];
            both(cases, "writer__press__country", code, n -> {
                PressRow p = pressOf(writerOf(n));
                return p != null && code.equals(p.country());
            });
            String initial = COUNTRIES[random.nextInt(6)][1].substring(0, 1);
            both(cases, "writer__press__country__name__startswith", initial,
                    n -> countryName(writerOf(n)) != null && countryName(writerOf(n)).startsWith(initial));
            both(cases, "writer__press__country__isnull", flag, n -> (countryName(writerOf(n)) == null) == flag);
            both(cases, "writer__press__isnull", !flag, n -> (writerOf(n).press() == null) == !flag);
            both(cases, "writer__press", press.id(), n -> Objects.equals(writerOf(n).press(), press.id()));
            both(cases, "writer__profile__isnull", flag, n -> (writerOf(n).profile() == null) == flag);
            both(cases, "writer__profile__bio__icontains", word.toUpperCase(Locale.ROOT),
                    n -> containsIgnoringCase(writerOf(n).bio(), word));
            both(cases, "writer__profile__bio__isnull", flag, n -> (writerOf(n).bio() == null) == flag);
            WriterRow withProfile = writers.values().stream().filter(w -> w.profile() != null
                    && !novelsOf.get(w.id()).isEmpty())
                    .skip(random.nextInt(50)).findFirst().orElseThrow();
            both(cases, "writer__profile", withProfile.profile(),
                    n -> Objects.equals(writerOf(n).profile(), withProfile.profile()));
            int pages = 100 + random.nextInt(700);
            cases.add(new Case<>("filter(writer__press__name__icontains, " + part + ").filter(pages__lt, " + pages
                    + ")",
                    q -> q.filter("writer__press__name__icontains", part).filter("pages__lt", pages),
                    n -> containsIgnoringCase(pressName(writerOf(n)), part) && n.pages() < pages));
        }
        List<String> failures = new ArrayList<>();
        int[] tally = run(failures, Novel.class, n -> n.id, novels.values(), NovelRow::id, cases);
        assertNoFailures(failures, tally, "to-one lookup");
    }

    @Test
    void negatedLookupsAcrossNullableToOnePathsMatchRowsWithoutTarget() {
        Random random = new Random(SEED + 2);
        List<Case<Novel, NovelRow>> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PressRow press = randomPress(random);
            String pressName = press.name();
            cases.add(new Case<>("filter(writer__press__name__ne, " + pressName + ")",
                    q -> q.filter("writer__press__name__ne", pressName),
                    n -> !Objects.equals(pressName(writerOf(n)), pressName)));
            List<String> names = List.of(COUNTRIES[random.nextInt(6)][1], COUNTRIES[random.nextInt(6)][1]);
            cases.add(new Case<>("filter(writer__press__country__name__not_in, " + names + ")",
                    q -> q.filter("writer__press__country__name__not_in", names),
                    n -> countryName(writerOf(n)) == null || !names.contains(countryName(writerOf(n)))));
        }
        List<String> failures = new ArrayList<>();
        int[] tally = run(failures, Novel.class, n -> n.id, novels.values(), NovelRow::id, cases);
        assertNoFailures(failures, tally, "negated to-one lookup");
    }

    @Test
    void lookupsAcrossToManyPathsAndTheirExcludes() {
        Random random = new Random(SEED + 3);
        List<Case<Writer, WriterRow>> onWriters = new ArrayList<>();
        List<Case<Theme, ThemeRow>> onThemes = new ArrayList<>();
        List<Case<Novel, NovelRow>> onNovels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean flag = i % 2 == 0;
            int pages = 300 + random.nextInt(600);
            String word = pick(random, WORDS);
            ThemeRow theme = randomUsedTheme(random);
            ThemeRow other = randomUsedTheme(random);
            NovelRow novel = randomNovel(random);
            NovelRow another = randomNovel(random);
            LocalDate date = LocalDate.of(1900 + random.nextInt(120), 1, 1);
            WriterRow writer = randomWriter(random);
            String prefix = writer.name().substring(0, 2 + random.nextInt(3));

            both(onWriters, "novels__pages__gt", pages,
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> n.pages() > pages));
            both(onWriters, "novels__title__icontains", word.toUpperCase(Locale.ROOT),
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> containsIgnoringCase(n.title(), word)));
            both(onWriters, "novels__published__lt", date, w -> novelsOf.get(w.id()).stream()
                    .anyMatch(n -> n.published() != null && n.published().isBefore(date)));
            both(onWriters, "novels__themes__name", theme.name(),
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> n.themes().contains(theme.id())));
            List<String> names = List.of(theme.name(), other.name());
            both(onWriters, "novels__themes__name__in", names,
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> themeNames(n).stream().anyMatch(names::contains)));
            both(onWriters, "novels", novel.id(), w -> w.id() == novel.writer());
            List<Long> pair = List.of(novel.id(), another.id());
            both(onWriters, "novels__in", pair, w -> w.id() == novel.writer() || w.id() == another.writer());
            both(onWriters, "novels__isnull", flag, w -> novelsOf.get(w.id()).isEmpty() == flag);

            both(onThemes, "novels__writer__name__startswith", prefix, t -> novelsWith.get(t.id()).stream()
                    .anyMatch(n -> writerOf(n).name().startsWith(prefix)));
            String country = COUNTRIES[random.nextInt(6)][1];
            both(onThemes, "novels__writer__press__country__name", country, t -> novelsWith.get(t.id()).stream()
                    .anyMatch(n -> country.equals(countryName(writerOf(n)))));
            both(onThemes, "novels__writer", writer.id(), t -> novelsWith.get(t.id()).stream()
                    .anyMatch(n -> n.writer() == writer.id()));
            both(onThemes, "novels__isnull", flag, t -> novelsWith.get(t.id()).isEmpty() == flag);

            both(onNovels, "themes__name", theme.name(), n -> n.themes().contains(theme.id()));
            both(onNovels, "themes__name__in", names, n -> themeNames(n).stream().anyMatch(names::contains));
            both(onNovels, "themes", theme.id(), n -> n.themes().contains(theme.id()));
            both(onNovels, "themes__in", List.of(theme.id(), other.id()),
                    n -> n.themes().contains(theme.id()) || n.themes().contains(other.id()));
            both(onNovels, "themes__isnull", flag, n -> n.themes().isEmpty() == flag);
            both(onNovels, "writer__novels__pages__gt", pages + 50,
                    n -> novelsOf.get(n.writer()).stream().anyMatch(m -> m.pages() > pages + 50));
            both(onNovels, "themes__novels__writer__name", writer.name(), n -> n.themes().stream()
                    .anyMatch(t -> novelsWith.get(t).stream().anyMatch(m -> writerOf(m).name().equals(writer.name()))));
        }
        List<String> failures = new ArrayList<>();
        int[] tally = run(failures, Writer.class, w -> w.id, writers.values(), WriterRow::id, onWriters);
        tally = add(tally, run(failures, Theme.class, t -> t.id, themes.values(), ThemeRow::id, onThemes));
        tally = add(tally, run(failures, Novel.class, n -> n.id, novels.values(), NovelRow::id, onNovels));
        assertNoFailures(failures, tally, "to-many lookup");
    }

    @Test
    void thePartsOfOneAndHoldForTheSameRelatedRowAndSeparateCallsDoNot() {
        Random random = new Random(SEED + 4);
        List<Case<Writer, WriterRow>> onWriters = new ArrayList<>();
        List<Case<Novel, NovelRow>> onNovels = new ArrayList<>();
        List<Case<Theme, ThemeRow>> onThemes = new ArrayList<>();
        int differing = 0;
        for (int i = 0; i < 6; i++) {
            int pages = 200 + random.nextInt(600);
            String word = pick(random, WORDS);
            ThemeRow theme = randomUsedTheme(random);
            ThemeRow other = randomUsedTheme(random);
            Predicate<NovelRow> big = n -> n.pages() > pages;
            Predicate<NovelRow> titled = n -> containsIgnoringCase(n.title(), word);
            Filter sameNovel = Filter.and(where("novels__pages__gt", pages), where("novels__title__icontains", word));
            Predicate<WriterRow> same = w -> novelsOf.get(w.id()).stream().anyMatch(big.and(titled));
            Predicate<WriterRow> separate = w -> novelsOf.get(w.id()).stream().anyMatch(big)
                    && novelsOf.get(w.id()).stream().anyMatch(titled);
            differing += writers.values().stream().filter(w -> same.test(w) != separate.test(w)).count() > 0 ? 1 : 0;
            onWriters.add(new Case<>("filter(and(novels__pages__gt " + pages + ", novels__title__icontains " + word
                    + "))",
                    q -> q.filter(sameNovel), same));
            onWriters.add(new Case<>("filter(novels__pages__gt " + pages + ").filter(novels__title__icontains " + word
                    + ")",
                    q -> q.filter("novels__pages__gt", pages).filter("novels__title__icontains", word), separate));
            onWriters.add(new Case<>("exclude(and(novels__pages__gt " + pages + ", novels__title__icontains " + word
                    + "))",
                    q -> q.exclude(sameNovel), same.negate()));
            onWriters.add(new Case<>("filter(not(and(novels__pages__gt " + pages + ", novels__title__icontains " + word
                    + ")))", q -> q.filter(Filter.not(sameNovel)), same.negate()));
            onWriters.add(new Case<>("filter(or(novels__pages__gt " + pages + ", novels__title__icontains " + word
                    + "))",
                    q -> q.filter(Filter.or(where("novels__pages__gt", pages), where("novels__title__icontains",
                            word))),
                    w -> novelsOf.get(w.id()).stream().anyMatch(big.or(titled))));
            String initial = FIRST[random.nextInt(FIRST.length)].substring(0, 1);
            onWriters.add(new Case<>("filter(and(name__startswith " + initial + ", not(novels__pages__gt " + pages
                    + ")))",
                    q -> q.filter(Filter.and(where("name__startswith", initial), Filter.not(where("novels__pages__gt",
                            pages)))),
                    w -> w.name().startsWith(initial) && novelsOf.get(w.id()).stream().noneMatch(big)));
            onWriters.add(new Case<>("filter(and(novels__themes__name " + theme.name() + ", novels__pages__lt "
                    + pages + "))",
                    q -> q.filter(Filter.and(where("novels__themes__name", theme.name()), where("novels__pages__lt",
                            pages))),
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> n.themes().contains(theme.id())
                            && n.pages() < pages)));
            String themePrefix = other.name().substring(0, 1);
            onWriters.add(new Case<>("filter(and(novels__themes__name " + theme.name()
                    + ", novels__themes__name__startswith "
                    + themePrefix + "))", q -> q.filter(Filter.and(where("novels__themes__name", theme.name()),
                            where("novels__themes__name__startswith", themePrefix))),
                    w -> theme.name().startsWith(themePrefix)
                            && novelsOf.get(w.id()).stream().anyMatch(n -> n.themes().contains(theme.id()))));

            onNovels.add(new Case<>("filter(and(themes__name " + theme.name() + ", themes__name " + other.name() + "))",
                    q -> q.filter(Filter.and(where("themes__name", theme.name()), where("themes__name", other.name()))),
                    n -> theme.equals(other) && n.themes().contains(theme.id())));
            onNovels.add(new Case<>("filter(themes__name " + theme.name() + ").filter(themes__name " + other.name()
                    + ")",
                    q -> q.filter("themes__name", theme.name()).filter("themes__name", other.name()),
                    n -> n.themes().contains(theme.id()) && n.themes().contains(other.id())));

            WriterRow writer = randomWriter(random);
            String prefix = writer.name().substring(0, 3);
            onThemes.add(new Case<>("filter(and(novels__writer__name__startswith " + prefix + ", novels__pages__gt "
                    + pages
                    + "))", q -> q.filter(Filter.and(where("novels__writer__name__startswith", prefix),
                            where("novels__pages__gt", pages))),
                    t -> novelsWith.get(t.id()).stream().anyMatch(n -> writerOf(n).name().startsWith(prefix)
                            && big.test(n))));
            onThemes.add(new Case<>("exclude(and(novels__writer__name__startswith " + prefix + ", novels__pages__gt "
                    + pages
                    + "))", q -> q.exclude(Filter.and(where("novels__writer__name__startswith", prefix),
                            where("novels__pages__gt", pages))),
                    t -> novelsWith.get(t.id()).stream().noneMatch(n -> writerOf(n).name().startsWith(prefix)
                            && big.test(n))));
        }
        List<String> failures = new ArrayList<>();
        int[] tally = run(failures, Writer.class, w -> w.id, writers.values(), WriterRow::id, onWriters);
        tally = add(tally, run(failures, Novel.class, n -> n.id, novels.values(), NovelRow::id, onNovels));
        tally = add(tally, run(failures, Theme.class, t -> t.id, themes.values(), ThemeRow::id, onThemes));
        assertTrue(differing >= 3,
                "the data should tell the same-row rule from separate calls: " + differing + " of 6");
        assertNoFailures(failures, tally, "same-row");
    }

    // ---- order ---------------------------------------------------------------------------------------

    private static <R, K extends Comparable<? super K>> Comparator<R> asc(Function<R, K> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.<K>naturalOrder()));
    }

    private static <R, K extends Comparable<? super K>> Comparator<R> desc(Function<R, K> key) {
        return RelationQueryEquivalenceTest.<R, K>asc(key).reversed();
    }

    private <T, R> void ordered(List<String> failures, String what, Class<T> type, ToLongFunction<T> idOf,
            Collection<R> rows, ToLongFunction<R> rowId, UnaryOperator<Query<T>> refine, Predicate<R> holds,
            Comparator<R> order, int offset, int limit) {
        List<Long> expected = rows.stream().filter(holds).sorted(order).skip(offset).limit(limit)
                .map(rowId::applyAsLong).toList();
        compare(failures, what, () -> refine.apply(db.select(type)), idOf, expected, true);
    }

    @Test
    void ordersAcrossToOnePathsMatchASortOfTheRecords() {
        Random random = new Random(SEED + 5);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        ordered(failures, "order(writer__name, -published, id)", Novel.class, n -> n.id, novels.values(), NovelRow::id,
                q -> q.order("writer__name", "-published", "id"), n -> true,
                RelationQueryEquivalenceTest.<NovelRow, String>asc(n -> writerOf(n).name())
                        .thenComparing(desc(NovelRow::published)).thenComparing(asc(NovelRow::id)),
                0, Integer.MAX_VALUE);
        cases++;
        ordered(failures, "order(press__country__name, -press__name, name, id)", Writer.class, w -> w.id,
                writers.values(), WriterRow::id, q -> q.order("press__country__name", "-press__name", "name", "id"),
                w -> true, RelationQueryEquivalenceTest.<WriterRow, String>asc(this::countryName)
                        .thenComparing(desc(this::pressName)).thenComparing(asc(WriterRow::name))
                        .thenComparing(asc(WriterRow::id)), 0, Integer.MAX_VALUE);
        cases++;
        for (int i = 0; i < 4; i++) {
            int pages = 100 + random.nextInt(500);
            int offset = random.nextInt(40);
            int limit = 50 + random.nextInt(200);
            ordered(failures, "filter(pages__gt " + pages
                    + ").order(writer__press__country__name, -writer__press__name,"
                            + " title, id).limit(" + limit + ").offset(" + offset + ")", Novel.class, n -> n.id,
                    novels.values(), NovelRow::id,
                    q -> q.filter("pages__gt", pages).order("writer__press__country__name", "-writer__press__name",
                            "title",
                            "id").limit(limit).offset(offset),
                    n -> n.pages() > pages,
                    RelationQueryEquivalenceTest.<NovelRow, String>asc(n -> countryName(writerOf(n)))
                            .thenComparing(desc(n -> pressName(writerOf(n)))).thenComparing(asc(NovelRow::title))
                            .thenComparing(asc(NovelRow::id)), offset, limit);
            ordered(failures, "order(-writer__profile__bio, pages, id).limit(" + limit + ")", Novel.class, n -> n.id,
                    novels.values(), NovelRow::id, q -> q.order("-writer__profile__bio", "pages", "id").limit(limit),
                    n -> true, RelationQueryEquivalenceTest.<NovelRow, String>desc(n -> writerOf(n).bio())
                            .thenComparing(asc(NovelRow::pages)).thenComparing(asc(NovelRow::id)), 0, limit);
            ThemeRow theme = randomUsedTheme(random);
            ordered(failures, "filter(themes__name " + theme.name() + ").order(writer__press__name, -id)", Novel.class,
                    n -> n.id, novels.values(), NovelRow::id,
                    q -> q.filter("themes__name", theme.name()).order("writer__press__name", "-id"),
                    n -> n.themes().contains(theme.id()),
                    RelationQueryEquivalenceTest.<NovelRow, String>asc(n -> pressName(writerOf(n)))
                            .thenComparing(desc(NovelRow::id)), 0, Integer.MAX_VALUE);
            ordered(failures, "filter(novels__pages__gt " + pages + ").order(-profile__bio, id).limit(50).offset("
                            + offset + ")", Writer.class, w -> w.id, writers.values(), WriterRow::id,
                    q -> q.filter("novels__pages__gt", pages).order("-profile__bio", "id").limit(50).offset(offset),
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> n.pages() > pages),
                    RelationQueryEquivalenceTest.<WriterRow,
                            String>desc(WriterRow::bio).thenComparing(asc(WriterRow::id)),
                    offset, 50);
            ordered(failures, "exclude(novels__themes__name " + theme.name() + ").order(press__name, name, id)",
                    Writer.class, w -> w.id, writers.values(), WriterRow::id,
                    q -> q.exclude("novels__themes__name", theme.name()).order("press__name", "name", "id"),
                    w -> novelsOf.get(w.id()).stream().noneMatch(n -> n.themes().contains(theme.id())),
                    RelationQueryEquivalenceTest.<WriterRow,
                            String>asc(this::pressName).thenComparing(asc(WriterRow::name))
                            .thenComparing(asc(WriterRow::id)), 0, Integer.MAX_VALUE);
            cases += 5;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " order cases disagree with the records:\n  "
                    + String.join("\n  ", failures));
        }
    }

    // ---- selectRelated --------------------------------------------------------------------------------

    @Test
    void selectRelatedReachesTheSameObjectsInOneStatement() {
        Random random = new Random(SEED + 6);
        List<String> failures = new ArrayList<>();
        List<Case<Novel, NovelRow>> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int pages = 100 + random.nextInt(800);
            ThemeRow theme = randomUsedTheme(random);
            String word = pick(random, WORDS);
            cases.add(new Case<>("filter(pages__gt " + pages + ")", q -> q.filter("pages__gt", pages),
                    n -> n.pages() > pages));
            cases.add(new Case<>("filter(themes__name " + theme.name() + ")", q -> q.filter("themes__name",
                    theme.name()),
                    n -> n.themes().contains(theme.id())));
            cases.add(new Case<>("exclude(writer__profile__bio__icontains " + word + ")",
                    q -> q.exclude("writer__profile__bio__icontains", word),
                            n -> !containsIgnoringCase(writerOf(n).bio(), word)));
        }
        cases.add(new Case<>("filter(writer__press__country__isnull true)",
                q -> q.filter("writer__press__country__isnull", true), n -> countryName(writerOf(n)) == null));
        // Filters that only rows reaching a joined table can meet (its joins become inner), and ones that rows
        // without it meet too (they stay LEFT), on the paths selectRelated joins as well.
        for (String[] country : COUNTRIES) {
            String name = country[1];
            cases.add(new Case<>("filter(writer__press__country__name " + name + ")",
                    q -> q.filter("writer__press__country__name", name), n -> name.equals(countryName(writerOf(n)))));
            cases.add(new Case<>("filter(or(writer__press__country__name " + name + ", pages__lt 300))",
                    q -> q.filter(Filter.or(where("writer__press__country__name", name), where("pages__lt", 300))),
                    n -> name.equals(countryName(writerOf(n))) || n.pages() < 300));
            cases.add(new Case<>("filter(writer__press__country__name__ne " + name + ")",
                    q -> q.filter("writer__press__country__name__ne", name),
                    n -> !name.equals(countryName(writerOf(n)))));
        }
        List<String> twoPresses = presses.values().stream().map(PressRow::name).limit(2).toList();
        List<String> orNone = new ArrayList<>(twoPresses);
        orNone.add(null);
        cases.add(new Case<>("filter(writer__press__name__in " + orNone + ")",
                q -> q.filter("writer__press__name__in", orNone),
                n -> pressName(writerOf(n)) == null || twoPresses.contains(pressName(writerOf(n)))));
        cases.add(new Case<>("filter(writer__press__name__in " + twoPresses + ")",
                q -> q.filter("writer__press__name__in", twoPresses),
                n -> twoPresses.contains(pressName(writerOf(n)))));
        cases.add(new Case<>("filter(writer__press__country__isnull false)",
                q -> q.filter("writer__press__country__isnull", false), n -> countryName(writerOf(n)) != null));
        for (Case<Novel, NovelRow> c : cases) {
            db.clearCache();
            log.clear();
            try {
                List<Novel> got = c.refine().apply(db.select(Novel.class))
                        .selectRelated("writer__press__country", "writer__profile").order("id").fetchAll();
                List<String> expected = novels.values().stream().filter(c.holds())
                        .sorted(Comparator.comparingLong(NovelRow::id))
                        .map(this::describeUp).toList();
                List<String> actual = got.stream().map(RelationQueryEquivalenceTest::describeUp).toList();
                int statements = log.dataStatements().size();
                if (statements != 1) {
                    failures.add(c.what() + ": " + statements + " statements, expected 1");
                }
                if (!expected.equals(actual)) {
                    failures.add(c.what() + ": " + firstDifference(expected, actual));
                }
            } catch (RuntimeException e) {
                failures.add(c.what() + ": " + e);
            }
        }
        for (int i = 0; i < 3; i++) {
            int pages = 300 + random.nextInt(600);
            db.clearCache();
            log.clear();
            try {
                List<Writer> got = db.select(Writer.class).exclude("novels__pages__gt", pages)
                        .selectRelated("press__country", "profile").order("name", "id").fetchAll();
                List<String> expected = writers.values().stream()
                        .filter(w -> novelsOf.get(w.id()).stream().noneMatch(n -> n.pages() > pages))
                        .sorted(Comparator.comparing(WriterRow::name).thenComparingLong(WriterRow::id))
                        .map(w -> w.id() + " " + w.name() + " " + pressName(w) + " " + countryName(w)
                                + " " + w.profile() + " " + w.bio()).toList();
                List<String> actual = got.stream().map(w -> w.id + " " + w.name
                        + " " + (w.press == null ? null : w.press.name)
                        + " " + (w.press == null || w.press.country == null ? null : w.press.country.name)
                        + " " + (w.profile == null ? null : w.profile.id)
                        + " " + (w.profile == null ? null : w.profile.bio)).toList();
                int statements = log.dataStatements().size();
                if (statements != 1) {
                    failures.add("writers exclude(novels__pages__gt " + pages + "): " + statements
                            + " statements, expected 1");
                }
                if (!expected.equals(actual)) {
                    failures.add("writers exclude(novels__pages__gt " + pages + "): " + firstDifference(expected,
                            actual));
                }
            } catch (RuntimeException e) {
                failures.add("writers exclude(novels__pages__gt " + pages + "): " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " selectRelated cases disagree:\n  " + String.join("\n  ",
                failures));
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return "expected " + expected.size() + " rows, got " + actual.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "row " + i + ": expected " + expected.get(i) + "\n      got " + actual.get(i);
            }
        }
        return "equal";
    }

    // ---- prefetchRelated ------------------------------------------------------------------------------

    @Test
    void prefetchRelatedReachesTheSameObjectsWithOneStatementPerLevel() {
        Random random = new Random(SEED + 7);
        List<String> failures = new ArrayList<>();
        List<Case<Writer, WriterRow>> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int pages = 300 + random.nextInt(600);
            ThemeRow theme = randomUsedTheme(random);
            String initial = FIRST[random.nextInt(FIRST.length)].substring(0, 1);
            cases.add(new Case<>("filter(novels__pages__gt " + pages + ")", q -> q.filter("novels__pages__gt", pages),
                    w -> novelsOf.get(w.id()).stream().anyMatch(n -> n.pages() > pages)));
            cases.add(new Case<>("filter(name__startswith " + initial + ").exclude(novels__themes__name "
                    + theme.name() + ")",
                    q -> q.filter("name__startswith", initial).exclude("novels__themes__name", theme.name()),
                    w -> w.name().startsWith(initial)
                            && novelsOf.get(w.id()).stream().noneMatch(n -> n.themes().contains(theme.id()))));
        }
        cases.add(new Case<>("all", q -> q, w -> true));
        cases.add(new Case<>("filter(novels__isnull true)", q -> q.filter("novels__isnull", true),
                w -> novelsOf.get(w.id()).isEmpty()));
        cases.add(new Case<>("filter(name ...nobody)", q -> q.filter("name", "Nobody"), w -> false));
        for (Case<Writer, WriterRow> c : cases) {
            db.clearCache();
            log.clear();
            try {
                List<Writer> got = c.refine().apply(db.select(Writer.class))
                        .prefetchRelated("novels__themes", "press__country", "profile").order("id").fetchAll();
                List<WriterRow> rows = writers.values().stream().filter(c.holds()).toList();
                boolean any = !rows.isEmpty();
                boolean anyNovel = rows.stream().anyMatch(w -> !novelsOf.get(w.id()).isEmpty());
                boolean anyPress = rows.stream().anyMatch(w -> w.press() != null);
                boolean anyCountry = rows.stream().anyMatch(w -> pressOf(w) != null && pressOf(w).country() != null);
                int expectedStatements = 1 + (any ? 1 : 0) + (anyNovel ? 1 : 0) + (anyPress ? 1 : 0)
                        + (anyCountry ? 1 : 0)
                        + (any ? 1 : 0);
                int statements = log.dataStatements().size();
                List<String> expected = rows.stream().map(this::describe).toList();
                List<String> actual = got.stream().map(RelationQueryEquivalenceTest::describe).toList();
                for (Writer writer : got) {
                    if (db.related(writer, "novels").count() != novelsOf.get(writer.id).size()) {
                        failures.add(c.what() + ": related(" + writer.id + ", novels).count() disagrees");
                    }
                }
                if (statements != expectedStatements) {
                    failures.add(c.what() + ": " + statements + " statements for the query and its levels, expected "
                            + expectedStatements);
                }
                if (log.dataStatements().size() != statements) {
                    failures.add(c.what() + ": reading the prefetched relations sent "
                            + (log.dataStatements().size() - statements) + " statements");
                }
                if (!expected.equals(actual)) {
                    failures.add(c.what() + ": " + firstDifference(expected, actual));
                }
            } catch (RuntimeException e) {
                failures.add(c.what() + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " prefetch cases disagree:\n  "
                + String.join("\n  ", failures));
    }

    @Test
    void prefetchFromTheInverseSideOfAManyToManyAndThroughIt() {
        Random random = new Random(SEED + 8);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String prefix = randomWriter(random).name().substring(0, 2);
            db.clearCache();
            log.clear();
            try {
                List<Theme> got = db.select(Theme.class).filter("novels__writer__name__startswith", prefix)
                        .prefetchRelated("novels__writer__profile").order("name").fetchAll();
                int statements = log.dataStatements().size();
                List<String> expected = themes.values().stream()
                        .filter(t -> novelsWith.get(t.id()).stream()
                                .anyMatch(n -> writerOf(n).name().startsWith(prefix)))
                        .sorted(Comparator.comparing(ThemeRow::name))
                        .map(t -> t.name() + ": "
                                + novelsWith.get(t.id()).stream().sorted(Comparator.comparingLong(NovelRow::id))
                                .map(n -> n.id() + " by " + writerOf(n).name() + " (" + writerOf(n).bio() + ")")
                                .collect(Collectors.joining(", "))).toList();
                List<String> actual = got.stream().map(t -> t.name + ": " + t.novels.stream()
                        .sorted(Comparator.comparingLong(n -> n.id))
                        .map(n -> n.id + " by " + n.writer.name + " ("
                                + (n.writer.profile == null ? null : n.writer.profile.bio)
                                + ")").collect(Collectors.joining(", "))).toList();
                int expectedStatements = expected.isEmpty() ? 1 : 4;
                if (statements != expectedStatements) {
                    failures.add("themes " + prefix + ": " + statements + " statements, expected "
                            + expectedStatements);
                }
                if (log.dataStatements().size() != statements) {
                    failures.add("themes " + prefix + ": reading sent " + (log.dataStatements().size() - statements));
                }
                if (!expected.equals(actual)) {
                    failures.add("themes " + prefix + ": " + firstDifference(expected, actual));
                }
            } catch (RuntimeException e) {
                failures.add("themes " + prefix + ": " + e);
            }
        }
        for (int i = 0; i < 3; i++) {
            int pages = 850 + random.nextInt(80);
            db.clearCache();
            log.clear();
            try {
                List<Novel> got = db.select(Novel.class).filter("pages__gt", pages).prefetchRelated("themes__novels")
                        .order("id").fetchAll();
                int statements = log.dataStatements().size();
                List<String> expected = novels.values().stream().filter(n -> n.pages() > pages)
                        .map(n -> n.id() + ": " + n.themes().stream().map(t -> t + "=" + novelsWith.get(t).size())
                                .collect(Collectors.joining(","))).toList();
                List<String> actual = got.stream().map(n -> n.id + ": " + n.themes.stream()
                        .sorted(Comparator.comparingLong(t -> t.id)).map(t -> t.id + "=" + t.novels.size())
                        .collect(Collectors.joining(","))).toList();
                boolean anyTheme = novels.values().stream().anyMatch(n -> n.pages() > pages && !n.themes().isEmpty());
                int expectedStatements = expected.isEmpty() ? 1 : anyTheme ? 3 : 2;
                if (statements != expectedStatements) {
                    failures.add("novels pages > " + pages + ": " + statements + " statements, expected "
                            + expectedStatements);
                }
                if (log.dataStatements().size() != statements) {
                    failures.add("novels pages > " + pages + ": reading sent "
                            + (log.dataStatements().size() - statements));
                }
                if (!expected.equals(actual)) {
                    failures.add("novels pages > " + pages + ": " + firstDifference(expected, actual));
                }
            } catch (RuntimeException e) {
                failures.add("novels pages > " + pages + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cases disagree:\n  " + String.join("\n  ", failures));
    }

    @Test
    void prefetchOnAFilteredRelationSet() {
        Random random = new Random(SEED + 9);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WriterRow row = writers.values().stream().filter(w -> novelsOf.get(w.id()).size() >= 3)
                    .skip(random.nextInt(40)).findFirst().orElseThrow();
            int pages = 200 + random.nextInt(600);
            db.clearCache();
            Writer writer = db.get(Writer.class, row.id());
            log.clear();
            try {
                List<Novel> got = db.<Novel>related(writer, "novels").filter("pages__gt", pages)
                        .prefetchRelated("themes", "writer__press").order("id").fetchAll();
                int statements = log.dataStatements().size();
                List<NovelRow> rows = novelsOf.get(row.id()).stream().filter(n -> n.pages() > pages)
                        .sorted(Comparator.comparingLong(NovelRow::id)).toList();
                List<String> expected = rows.stream().map(n -> describeShallow(n) + " " + pressName(row)).toList();
                List<String> actual = got.stream().map(n -> describeShallow(n) + " "
                        + (n.writer.press == null ? null : n.writer.press.name)).toList();
                int expectedStatements = 1 + (rows.isEmpty() ? 0 : 1) + (rows.isEmpty() || row.press() == null ? 0 : 1);
                if (statements != expectedStatements) {
                    failures.add("writer " + row.id() + " pages > " + pages + ": " + statements
                            + " statements, expected "
                            + expectedStatements + " (the writer is loaded, its press is not)");
                }
                if (log.dataStatements().size() != statements) {
                    failures.add("writer " + row.id() + ": reading sent " + (log.dataStatements().size() - statements));
                }
                if (!expected.equals(actual)) {
                    failures.add("writer " + row.id() + " pages > " + pages + ": " + firstDifference(expected, actual));
                }
            } catch (RuntimeException e) {
                failures.add("writer " + row.id() + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cases disagree:\n  " + String.join("\n  ", failures));
    }
}

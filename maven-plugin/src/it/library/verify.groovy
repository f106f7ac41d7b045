// Runs after both builds; build.log holds them one after the other.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('Weft enhanced') }
assert lines.size() == 4 : "expected enhance and enhance-tests in each of the two builds, got ${lines}"
// First build: Author, Book and Shelf (whose field reads are rewritten) in main; Loan and the test class, which
// writes a field, in test.
assert lines[0] ==~ /.*Weft enhanced 3 classes in \d+ ms \(validated 2 entities\)/ : lines[0]
assert lines[1] ==~ /.*Weft enhanced 2 classes in \d+ ms \(validated 1 entity\)/ : lines[1]
// Second build: nothing left to enhance, everything validated again.
assert lines[2] ==~ /.*Weft enhanced 0 classes in \d+ ms \(validated 2 entities\)/ : lines[2]
assert lines[3] ==~ /.*Weft enhanced 0 classes in \d+ ms \(validated 1 entity\)/ : lines[3]
// The second build compiled nothing: it ran over the classes the first one enhanced.
assert log.contains("Nothing to compile - all classes are up to date.")
assert log.count('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') >= 2
true

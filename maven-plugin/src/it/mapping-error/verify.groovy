def log = new File(basedir, 'build.log').text
assert log.contains('Weft found 2 mapping errors in ') : log
assert log.contains('  com.example.pets.Pet: Pet.owner uses onDelete = SET_NULL but its key is not nullable: '
        + 'add nullable = true, or choose CASCADE or RESTRICT.') : log
assert log.contains('  com.example.pets.Vet: com.example.pets.Vet has no @Id field: add one') : log
true

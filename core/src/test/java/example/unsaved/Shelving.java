package example.unsaved;

import java.util.Collection;

/**
 * Application code in another class that uses the relations of new objects directly, as
 * {@code new Category().books.add(book)} does; {@code main} runs under the {@code -javaagent} and prints what it
 * sees, one line per relation.
 */
public final class Shelving {

    private Shelving() {
    }

    public static void shelve(Shelf shelf, Volume... volumes) {
        for (Volume volume : volumes) {
            shelf.list.add(volume);
            shelf.set.add(volume);
            shelf.collection.add(volume);
            shelf.volumes.add(volume);
        }
    }

    public static void clearList(Shelf shelf) {
        shelf.list = null;
    }

    public static Object favouriteOf(Shelf shelf) {
        return shelf.favourite;
    }

    public static Object tagsOf(Shelf shelf) {
        return shelf.tags;
    }

    public static Object cacheOf(Shelf shelf) {
        return shelf.cache;
    }

    public static void main(String[] args) {
        Shelf shelf = new Shelf("Fantasy");
        Volume earthsea = new Volume("Earthsea");
        Volume tombs = new Volume("The Tombs of Atuan");
        shelve(shelf, earthsea, tombs, new Volume("Earthsea"));
        shelf.volumes.add(earthsea, tombs);
        print("list", shelf.list);
        print("set", shelf.set);
        print("collection", shelf.collection);
        print("volumes", shelf.volumes);
        print("initialised", shelf.initialised);
        print("history", shelf.history());
        System.out.println("volumeCount " + shelf.volumeCount());
        System.out.println("favourite " + favouriteOf(shelf) + ", tags " + tagsOf(shelf));
    }

    private static void print(String name, Collection<?> relation) {
        System.out.println(name + " " + relation.getClass().getSimpleName() + " " + relation);
    }
}

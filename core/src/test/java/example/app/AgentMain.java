package example.app;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.enhance.FieldInterceptor;
import example.library.Author;
import example.library.Book;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Run in a JVM started with {@code -javaagent:weft-agent.jar}: reads and writes entity fields directly from this
 * package and prints what the interceptor saw, one line per event.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        Author author = new Author("Ursula");
        Book book = new Book("Earthsea", author, 183);
        Object plain = book;
        System.out.println("enhanced " + (plain instanceof Enhanced));
        System.out.println("fields " + Arrays.toString((String[]) Book.class.getField("$weft$fields").get(null)));
        List<String> events = new ArrayList<>();
        FieldInterceptor recorder = new FieldInterceptor() {
            @Override
            public void beforeRead(Object entity, int slot) {
                events.add("read " + entity.getClass().getSimpleName() + " " + slot);
            }

            @Override
            public void beforeWrite(Object entity, int slot) {
                events.add("write " + entity.getClass().getSimpleName() + " " + slot);
            }

            @Override
            public void beforeRelationRead(Object entity, int slot) {
                events.add("relationRead " + entity.getClass().getSimpleName() + " " + slot);
            }

            @Override
            public void beforeKeyPeek(Object entity, int slot) {
                events.add("keyPeek " + entity.getClass().getSimpleName() + " " + slot);
            }

            @Override
            public void beforeRelationWrite(Object entity, int slot, Object value) {
                events.add("relationWrite " + entity.getClass().getSimpleName() + " " + slot + " " + value);
            }
        };
        ((Enhanced) plain).$weft$interceptor(recorder);
        ((Enhanced) (Object) author).$weft$interceptor(recorder);
        String name = book.author.name;
        book.title = "The Farthest Shore";
        book.author = new Author("Le Guin");
        events.forEach(System.out::println);
        System.out.println("name " + name + ", title " + book.title);
    }
}

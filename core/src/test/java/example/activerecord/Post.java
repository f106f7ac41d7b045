package example.activerecord;

import dev.weft.Entity;
import dev.weft.Finder;
import dev.weft.Id;
import dev.weft.Model;

/** An active-record entity with only a constructor with arguments. */
@Entity
public class Post extends Model<Post> {
    public static final Finder<Post> objects = Finder.of(Post.class);

    @Id public long id;
    public String title;

    public Post(String title) {
        this.title = title;
    }
}

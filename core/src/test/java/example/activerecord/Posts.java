package example.activerecord;

public final class Posts {
    private Posts() {
    }

    public static String titleOf(Post post) {
        return post.title;
    }

    public static void retitle(Post post, String title) {
        post.title = title;
    }
}

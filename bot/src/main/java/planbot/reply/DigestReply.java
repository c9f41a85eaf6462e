package planbot.reply;

import java.util.Objects;
import planbot.scheduler.digest.Digest;

/** The weekly digest, as {@code digest preview} shows it to the asker (the Monday post goes to a channel). */
public record DigestReply(Digest digest) implements Reply {
    public DigestReply {
        Objects.requireNonNull(digest, "digest");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}

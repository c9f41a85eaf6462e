package planbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * One Slack message as {@link NoticeBlocks} renders it: Block Kit blocks and the plain {@code text} Slack shows in
 * notifications and where blocks cannot be drawn. Both are already escaped and within Slack's limits.
 *
 * @param text   the fallback text; never blank
 * @param blocks at most {@link NoticeBlocks#MAX_BLOCKS} blocks
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        if (text.isBlank()) {
            throw new IllegalArgumentException("a Slack message needs a fallback text");
        }
        if (blocks.size() > NoticeBlocks.MAX_BLOCKS) {
            throw new IllegalArgumentException("a Slack message holds at most " + NoticeBlocks.MAX_BLOCKS + " blocks, not "
                    + blocks.size());
        }
    }
}

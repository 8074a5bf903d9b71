package fi.askel.common.web;

import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Qute's {@code {#insert}}, answering "which page filled this slot" from memory instead of searching the page.
 *
 * <p>Every page is {@code {#include layout}…{/include}}, and the layout's {@code {#insert}} slots take the page's
 * blocks. To find the right context when includes nest, an insert asks, for each enclosing context, whether that
 * context's block of the same name contains this very insert; Qute's own answers by walking every node of the block
 * at every render. For the main slot that block is the whole page (with its texts folded, three copies of it,
 * {@link TextFolding}), and the walk was about a tenth of rendering a client's page. The answer depends only on the
 * parsed block and the insert, neither of which changes, so it is kept per block. Everything else is as Qute's own
 * (the block of the context found, else the insert's default content). {@code InsertSectionTest} renders nested
 * layouts that reuse a slot name. Quarkus adds section helper beans to its engine after Qute's own, so this one
 * answers {@code insert}.
 */
@Singleton
public class InsertSection implements SectionHelperFactory<InsertSection.Helper> {

    /** Qute's name for the main block of an include, which a bare {@code {#insert}} takes. */
    private static final String MAIN_SLOT = "$default$";

    @Override
    public List<String> getDefaultAliases() {
        return List.of("insert");
    }

    @Override
    public ParametersInfo getParameters() {
        return ParametersInfo.builder().addParameter("name", MAIN_SLOT).build();
    }

    @Override
    public Helper initialize(SectionInitContext context) {
        String name = context.getParameter("name");
        if (context.getEngine().getSectionHelperFactories().get(name) != null) {
            throw new TemplateException(context.getOrigin(),
                    "{#insert " + name + "} in a layout conflicts with the section or tag of the same name");
        }
        return new Helper(name, context.getBlocks().get(0));
    }

    static final class Helper implements SectionHelper {

        private final String name;
        private final SectionBlock defaultBlock;
        /** Whether a block (by identity: parsed blocks are never equal to another) holds this insert. */
        private final Map<SectionBlock, Boolean> holders = new ConcurrentHashMap<>();

        Helper(String name, SectionBlock defaultBlock) {
            this.name = name;
            this.defaultBlock = defaultBlock;
        }

        @Override
        public CompletionStage<ResultNode> resolve(SectionResolutionContext context) {
            ResolutionContext own = filling(context.resolutionContext());
            ResolutionContext rc = own != null ? own : context.resolutionContext();
            SectionBlock extending = rc.getExtendingBlock(name);
            return context.execute(extending != null ? extending : defaultBlock, rc);
        }

        /** The parent of the nearest context whose block of this name holds this insert, or null when none does. */
        private ResolutionContext filling(ResolutionContext context) {
            for (ResolutionContext c = context; c.getParent() != null; c = c.getParent()) {
                SectionBlock block = c.getCurrentExtendingBlock(name);
                if (block != null && holders.computeIfAbsent(block, this::holds)) {
                    return c.getParent();
                }
            }
            return null;
        }

        private boolean holds(SectionBlock block) {
            for (TemplateNode node : block.nodes) {
                if (node.isSection() && (node.asSection().getHelper() == this
                        || node.asSection().getBlocks().stream().anyMatch(this::holds))) {
                    return true;
                }
            }
            return false;
        }
    }
}

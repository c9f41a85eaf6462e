package planbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** PLANBOT_NODE_ID names this process among a cluster's: set, or host and pid; a bad value stops start-up naming the key. */
class NodeConfigTest {

    @Test
    void givenTheIdSet_thenItIsTheNodeAsWritten() {
        assertThat(NodeConfig.from(HttpConfigTest.settings("PLANBOT_NODE_ID", " node-a.1_x ")).id()).isEqualTo("node-a.1_x");
        assertThat(NodeConfig.from(HttpConfigTest.settings("PLANBOT_NODE_ID", "n".repeat(64))).id()).hasSize(64);
    }

    @Test
    void givenNoId_thenItIsTheHostNameAndThePid() {
        String id = NodeConfig.from(HttpConfigTest.settings()).id();
        assertThat(id).matches("[A-Za-z0-9._-]{1,64}").endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void givenABadId_thenStartUpStopsNamingTheKey() {
        for (String bad : new String[] {"node a", "node/1", "n".repeat(65), "nœud"}) {
            assertThatThrownBy(() -> NodeConfig.from(HttpConfigTest.settings("PLANBOT_NODE_ID", bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("PLANBOT_NODE_ID");
        }
    }
}

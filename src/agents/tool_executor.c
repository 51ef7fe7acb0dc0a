/* The tool_executor agent: not wired to the kernel cage yet. `run` fails with a clear
 * message (exit 1), never runs anything outside a cage.
 */
#include "agents/agents.h"
#include "engine/engine.h"

static int tool_unavailable(struct step_ctx *ctx, json_t **ret)
{
        return step_fail(ctx, 1, ENOTSUP,
                         "cage not available yet: tool_executor steps cannot run in this build");
}

static const char *const run_aliases[] = { "execute", "call", NULL };
static const char *const run_required[] = { "command", NULL };

static const struct agent_action tool_actions[] = {
        { "run", run_aliases, run_required, tool_unavailable },
};

const struct agent agent_tool_executor = {
        .name = "tool_executor",
        .actions = tool_actions,
        .n_actions = ARRAY_SIZE(tool_actions),
};

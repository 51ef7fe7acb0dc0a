/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workflow: every validation error class with its file:line:col, templating, conditions. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "tap.h"
#include "agents/agents.h"
#include "config/config.h"
#include "workflow/workflow.h"

static char dir[] = "/tmp/akios-wf-XXXXXX";

static const char *write_tmp(const char *name, const char *text)
{
        static char path[512];
        FILE *f;

        snprintf(path, sizeof(path), "%s/%s", dir, name);
        f = fopen(path, "w");
        fputs(text, f);
        fclose(f);
        return path;
}

#define HEAD "name: t\ndescription: d\nsteps:\n"
#define LLM(n) "  - step: " #n "\n    agent: llm\n    action: complete\n    parameters:\n" \
               "      prompt: hi\n"

struct bad_case {
        const char *what;
        const char *yaml;
        int err;            /* -EINVAL or -EPERM */
        unsigned line, col;
        const char *msg;    /* fragment */
};

static const struct bad_case bad[] = {
        { "yaml syntax", HEAD "  - step: 1\n    agent: [llm\n", -EINVAL, 6, 1, "YAML syntax" },
        { "duplicate key", "name: a\nname: b\nsteps: []\n", -EINVAL, 2, 1, "duplicate key 'name'" },
        { "unknown top-level key", "name: a\nsteps: []\nloop: 3\n", -EINVAL, 3, 1,
          "unknown key 'loop'" },
        { "empty steps", "name: a\nsteps: []\n", -EINVAL, 2, 8, "1 to 1000 steps" },
        { "missing name", "steps:\n" LLM(1), -EINVAL, 1, 1, "has no 'name'" },
        { "unknown step key", HEAD LLM(1) "    retries: 3\n", -EINVAL, 9, 5,
          "unknown key 'retries' in step 1" },
        { "wrong type (parameters list)", HEAD "  - step: 1\n    agent: llm\n    action: complete\n"
          "    parameters: [a]\n", -EINVAL, 7, 17, "'parameters' must be a mapping" },
        { "step not a number", HEAD "  - step: one\n    agent: llm\n    action: complete\n"
          "    parameters: {prompt: x}\n", -EINVAL, 4, 11, "positive integer" },
        { "step zero", HEAD "  - step: 0\n    agent: llm\n    action: complete\n"
          "    parameters: {prompt: x}\n", -EINVAL, 4, 11, "positive integer" },
        { "duplicate step number", HEAD LLM(1) LLM(1), -EINVAL, 9, 11, "used twice" },
        { "unknown agent", HEAD "  - step: 1\n    agent: shell\n    action: run\n", -EINVAL, 5,
          12, "unknown agent 'shell'" },
        { "unknown action", HEAD "  - step: 1\n    agent: llm\n    action: explode\n", -EINVAL,
          6, 13, "unknown action 'explode'" },
        { "missing prompt", HEAD "  - step: 1\n    agent: llm\n    action: complete\n"
          "    parameters:\n      max_tokens: 5\n", -EINVAL, 8, 7, "needs parameter 'prompt'" },
        { "missing parameters", HEAD "  - step: 1\n    agent: filesystem\n    action: read\n",
          -EINVAL, 4, 5, "needs parameter 'path'" },
        { "unknown fs parameter", HEAD "  - step: 1\n    agent: filesystem\n    action: read\n"
          "    parameters:\n      path: data/input/a\n      color: red\n", -EINVAL, 9, 7,
          "unknown parameter 'color'" },
        { "forward reference", HEAD "  - step: 1\n    agent: llm\n    action: complete\n"
          "    parameters:\n      prompt: 'x {step_2_output}'\n" LLM(2), -EINVAL, 8, 18,
          "does not come before" },
        { "reference to missing step", HEAD LLM(1) "  - step: 2\n    agent: llm\n"
          "    action: complete\n    parameters:\n      prompt: '{step_9_output}'\n", -EINVAL, 13,
          16, "does not exist" },
        { "previous_output in first step", HEAD "  - step: 1\n    agent: llm\n"
          "    action: complete\n    parameters:\n      prompt: '{previous_output}'\n", -EINVAL,
          8, 16, "first step" },
        { "condition syntax", HEAD LLM(1) "  - step: 2\n    agent: llm\n    action: complete\n"
          "    condition: step_1_output ==\n    parameters: {prompt: x}\n", -EINVAL, 12, 32,
          "condition" },
        { "condition calls", HEAD LLM(1) "  - step: 2\n    agent: llm\n    action: complete\n"
          "    condition: previous_output.upper()\n    parameters: {prompt: x}\n", -EINVAL, 12,
          37, "function calls" },
        { "condition forward ref", HEAD LLM(1) "  - step: 2\n    agent: llm\n"
          "    action: complete\n    condition: step_3_output == 'x'\n"
          "    parameters: {prompt: x}\n", -EINVAL, 12, 16, "does not exist" },
        { "on_error value", HEAD LLM(1) "    on_error: ignore\n", -EINVAL, 9, 15,
          "fail, skip or retry" },
        { "non-positive max_tokens", HEAD "  - step: 1\n    agent: llm\n    action: complete\n"
          "    parameters:\n      prompt: x\n      max_tokens: 0\n", -EINVAL, 9, 19,
          "must be positive" },
        { "negative timeout", HEAD "  - step: 1\n    agent: tool_executor\n    action: run\n"
          "    config:\n      timeout: -5\n    parameters:\n      command: [echo]\n", -EINVAL,
          8, 16, "config.timeout -5 is out of range 1..300" },
        { "alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", -E2BIG, 0, 0, "nodes" },
        { "unset env variable", HEAD "  - step: 1\n    agent: llm\n    action: complete\n"
          "    parameters:\n      prompt: ${AKIOS_TEST_SURELY_UNSET_VAR}\n", -EINVAL, 8, 15,
          "AKIOS_TEST_SURELY_UNSET_VAR" },
        { "env variable config.yaml does not list", HEAD "  - step: 1\n    agent: llm\n"
          "    action: complete\n    parameters:\n      prompt: 'x ${DB_PASS}'\n", -EPERM, 8, 18,
          "add 'DB_PASS' to allowed_env_vars" },
        { "unlisted env variable with a default", HEAD "  - step: 1\n    agent: llm\n"
          "    action: complete\n    parameters:\n      prompt: ${SESSION:-x}\n", -EPERM, 8, 15,
          "'${SESSION}'" },
        { "absolute path", HEAD "  - step: 1\n    agent: filesystem\n    action: read\n"
          "    parameters:\n      path: /etc/passwd\n", -EPERM, 8, 13, "leaves the allowed" },
        { "dotdot path", HEAD "  - step: 1\n    agent: filesystem\n    action: read\n"
          "    parameters:\n      path: ./data/input/../../x\n", -EPERM, 8, 13,
          "leaves the allowed" },
        { "sibling of an allowed root", HEAD "  - step: 1\n    agent: filesystem\n"
          "    action: read\n    parameters:\n      path: ./data/input2/x.txt\n", -EPERM, 8, 13,
          "outside the allowed" },
};

static void test_bad(const struct akios_config *cfg)
{
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                const char *path = write_tmp("bad.yml", bad[i].yaml);
                struct workflow *w = NULL;
                struct diag d = { 0 };
                int r = workflow_load(path, cfg, &w, &d);

                is_int(r, bad[i].err, "%s: refused with the right class", bad[i].what);
                if (bad[i].line) {
                        is_int(d.line, bad[i].line, "%s: line", bad[i].what);
                        is_int(d.col, bad[i].col, "%s: column", bad[i].what);
                }
                ok(strstr(d.msg, bad[i].msg) != NULL, "%s: message '%s'", bad[i].what, d.msg);
                workflow_free(w);
        }
}

static void test_good(const struct akios_config *cfg)
{
        const char *path = write_tmp("good.yml",
                "name: good\nversion: '1.0'\ndescription: d\nsteps:\n"
                "  - step: 1\n    name: first\n    agent: llm\n    action: generate\n"
                "    parameters: {prompt: '${AKIOS_TEST_NAME:-world} {\"json\": 1}'}\n"
                "  - step: 2\n    agent: filesystem\n    action: write\n"
                "    condition: \"'hello' in previous_output and not step_1_output == ''\"\n"
                "    on_error: skip\n"
                "    parameters: {path: ./data/output/x.txt, content: '{step_1_output[text]}'}\n"
                "  - step: 3\n    agent: tool_executor\n    action: execute\n"
                "    parameters: {command: [echo, hi]}\n");
        struct workflow *w = NULL;
        struct diag d = { 0 };

        is_int(workflow_load(path, cfg, &w, &d), 0, "valid workflow loads (%s)", d.msg);
        if (!w)
                return;
        is_int(w->n_steps, 3, "three steps");
        is_str(w->steps[0].action->name, "complete", "alias 'generate' maps to complete");
        is_str(w->steps[2].action->name, "run", "alias 'execute' maps to run");
        is_str(w->steps[0].name, "first", "step name kept");
        is_int(w->steps[1].on_error, ON_ERROR_SKIP, "on_error skip");
        ok(w->steps[1].cond != NULL, "condition parsed");
        workflow_free(w);
}

static void test_templates(void)
{
        json_t *outputs = json_pack("{s:{s:s,s:I},s:{s:s}}", "1", "text", "hello world",
                                    "tokens", (json_int_t)7, "2", "content", "file body");
        json_t *prev = json_object_get(outputs, "2");
        struct buf b = BUF_INIT(0);
        struct diag d = { 0 };
        json_t *in, *out = NULL;

        is_int(template_outputs("a {step_1_output} b {previous_output} c {step_1_output[tokens]}",
                                outputs, prev, &b, &d), 0, "outputs templating");
        is_str(b.data, "a hello world b file body c 7", "all three reference forms");
        buf_reset(&b);
        is_int(template_outputs("{\"keep\": {braces}} {step_x_output}", outputs, prev, &b, &d), 0,
               "non-references kept");
        is_str(b.data, "{\"keep\": {braces}} {step_x_output}", "braces survive");
        buf_reset(&b);
        is_int(template_outputs("{step_1_output[missing]}", outputs, prev, &b, &d), -ENOENT,
               "missing key is an error, not empty");
        buf_reset(&b);
        setenv("AKIOS_T_SET", "v", 1);
        unsetenv("AKIOS_T_UNSET");
        is_int(template_env("${AKIOS_T_SET}-${AKIOS_T_UNSET:-dflt}", &b, &d), 0, "env templating");
        is_str(b.data, "v-dflt", "value and default");
        buf_reset(&b);
        is_int(template_env("${AKIOS_T_UNSET}", &b, &d), -ENOENT, "unset without default fails");
        buf_reset(&b);
        is_int(template_env("${1BAD}", &b, &d), -EINVAL, "malformed reference fails");
        buf_free(&b);

        in = json_pack("{s:s,s:[s]}", "path", "./data/output/x.txt", "list", "{step_1_output}");
        is_int(template_json(in, outputs, prev, "/p/data/output/run_1", &out, &d), 0,
               "template_json");
        is_str(json_string_value(json_object_get(out, "path")), "/p/data/output/run_1/x.txt",
               "./data/output/ rewritten into the run folder");
        is_str(json_string_value(json_array_get(json_object_get(out, "list"), 0)), "hello world",
               "nested strings templated");
        json_decref(in);
        json_decref(out);

        {
                /* 1 MiB output substituted whole. */
                size_t n = 1 << 20;
                char *big = malloc(n + 1);
                json_t *o2;

                memset(big, 'x', n);
                big[n] = '\0';
                o2 = json_pack("{s:{s:s}}", "1", "text", big);
                b = BUF_INIT(0);
                is_int(template_outputs("[{step_1_output}]", o2, NULL, &b, &d), 0, "1 MiB ref");
                is_int(b.len, n + 2, "1 MiB output substituted without truncation");
                buf_free(&b);
                json_decref(o2);
                free(big);
        }
        json_decref(outputs);
}

struct cond_case {
        const char *expr;
        bool want;
};

static void test_conditions(void)
{
        static const struct cond_case cases[] = {
                { "true", true },
                { "false or true", true },
                { "not false and true", true },
                { "step_1_output == 'hello world'", true },
                { "'world' in step_1_output", true },
                { "'mars' not in step_1_output", true },
                { "step_1_output[tokens] > 5", true },
                { "step_1_output['tokens'] <= 6", false },
                { "step_1_output.tokens == 7 and previous_output != ''", true },
                { "step_1_output[nokey] == 1", false },
                { "step_1_output < 3", false },
                { "(true and (false or (1 == 1)))", true },
                { "null == none", true },
                { "'a' in step_1_output[tags]", true },
                { "step_1_output[ok] == True", true },
                /* AKIOS's condition forms: arithmetic, is [not] None, list literals. */
                { "step_1_output.tokens * 2 + 1 == 15", true },
                { "step_1_output.tokens - 10 < 0 and -step_1_output.tokens == -7", true },
                { "step_1_output.tokens % 4 == 3 and step_1_output.tokens / 2 == 3.5", true },
                { "step_1_output.tokens / 0 == 1", false },
                { "step_1_output + '!' == 'hello world!'", true },
                { "step_1_output[tokens] is not None", true },
                { "step_1_output[ok] is True and step_1_output[nada] is None", true },
                { "step_1_output[tokens] in [1, 7, 'x']", true },
                { "'b' not in ['a', 'c'] and 3 in [1, 2]", false },
                { "2 + 3 * 4 == 14 and (2 + 3) * 4 == 20", true },
        };
        static const char *const bad_exprs[] = { "", "1 ==", "foo == 1", "len(x)", "'open",
                                                 "step_1_output[", "1 2", "[1, step_1_output]",
                                                 "step_1_output is 3", "[1, 2", "1 +" };
        json_t *outputs = json_pack("{s:{s:s,s:I,s:[s],s:b}}", "1", "text", "hello world",
                                    "tokens", (json_int_t)7, "tags", "a", "ok", 1);
        json_object_set_new(json_object_get(outputs, "1"), "nada", json_null());
        json_t *prev = json_object_get(outputs, "1");
        struct diag d = { 0 };
        unsigned off;

        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                struct cond *c = NULL;
                int r = cond_parse(cases[i].expr, &c, &off, &d);

                is_int(r, 0, "parse '%s'", cases[i].expr);
                if (c)
                        is_int(cond_eval(c, outputs, prev), cases[i].want, "eval '%s'",
                               cases[i].expr);
                cond_free(c);
        }
        for (size_t i = 0; i < ARRAY_SIZE(bad_exprs); i++) {
                struct cond *c = NULL;

                ok(cond_parse(bad_exprs[i], &c, &off, &d) < 0, "refuse '%s' (%s)", bad_exprs[i],
                   d.msg);
                cond_free(c);
        }
        json_decref(outputs);
}

int main(void)
{
        struct akios_config cfg = { 0 };

        if (!mkdtemp(dir))
                return 1;
        config_defaults(&cfg);
        cfg.project_dir = strdup(dir);
        /* The variables the good and bad cases read on purpose (allowed_env_vars). */
        if (strv_push(&cfg.allowed_env_vars, "AKIOS_TEST_SURELY_UNSET_VAR") < 0 ||
            strv_push(&cfg.allowed_env_vars, "AKIOS_TEST_NAME") < 0)
                return 1;
        test_bad(&cfg);
        test_good(&cfg);
        test_templates();
        test_conditions();
        config_free(&cfg);
        return done_testing();
}

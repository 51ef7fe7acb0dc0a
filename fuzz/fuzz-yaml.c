/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-yaml: yaml_parse() on arbitrary bytes, then everything a caller does with the tree:
 * ynode_to_json, the typed scalar conversions and map lookups on every node. Oracle: a
 * scalar's len is the length of its NUL-terminated str (callers use both).
 *
 * Small caps (depth 16, 5000 nodes) keep each input fast while still reaching the cap
 * paths; YAML_CAPS_DEFAULT is covered by the unit tests.
 */
#include <stdint.h>

#include "fuzz.h"
#include "util/yaml.h"

static void walk(const struct ynode *n, unsigned depth)
{
        bool b;
        long l;
        double x;

        if (!n || depth > 64)
                return;
        (void)ynode_kind(n);
        if (n->type == Y_SCALAR) {
                /* yaml.h: str is the NUL-terminated value and len its length. */
                if (!n->str || strlen(n->str) != n->len)
                        abort();
                (void)yscalar_is_null(n);
                (void)yscalar_bool(n, &b);
                (void)yscalar_long(n, &l);
                (void)yscalar_double(n, &x);
                return;
        }
        if (n->type == Y_MAP && n->n >= 2 && n->items[0]->type == Y_SCALAR)
                (void)ymap_get(n, n->items[0]->str);
        (void)ymap_get(n, "steps");
        for (size_t i = 0; i < n->n; i++)
                walk(n->items[i], depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct yaml_caps caps = { .max_bytes = FUZZ_MAX_INPUT, .max_depth = 16,
                                  .max_nodes = 5000, .max_scalar = FUZZ_MAX_INPUT };
        struct ynode *root = NULL;
        struct diag d = { 0 };
        json_t *j;

        if (size > FUZZ_MAX_INPUT)
                return 0;
        if (yaml_parse("fuzz.yml", (const char *)data, size, &caps, &root, &d) < 0)
                return 0;
        walk(root, 0);
        j = ynode_to_json(root);
        if (j) {
                char *s = json_canonical(j);

                free(s);
                json_decref(j);
        }
        ynode_free(root);
        return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* YAML to a small node tree with source positions (part of util; used by config and workflow).
 *
 * Caps (STYLE rule 4): file size, nesting depth, node count and scalar length. Aliases are
 * expanded by copying, and every copied node counts against the node cap, so "billion laughs"
 * documents fail with -E2BIG instead of exhausting memory. Duplicate mapping keys, non-scalar
 * keys, more than one document and YAML syntax errors fail with file:line:col.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

enum ynode_type { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
        enum ynode_type type;
        unsigned line, col;     /* 1-based */
        char *str;              /* Y_SCALAR: the value, NUL-terminated */
        size_t len;
        bool plain;             /* Y_SCALAR: unquoted (so 'true'/'12' may be typed) */
        struct ynode **items;   /* Y_MAP: key, value, key, value...; Y_SEQ: items */
        size_t n;               /* number of entries in items */
        size_t cap;
};

struct yaml_caps {
        size_t max_bytes;
        unsigned max_depth;
        size_t max_nodes;
        size_t max_scalar;
};

#define YAML_CAPS_DEFAULT ((struct yaml_caps){ .max_bytes = 1 << 20, .max_depth = 32, \
                                               .max_nodes = 100000, .max_scalar = 1 << 20 })

/* Parse `len` bytes named `path` (for diagnostics). An empty document gives *ret = NULL. */
int yaml_parse(const char *path, const char *data, size_t len, const struct yaml_caps *caps,
               struct ynode **ret, struct diag *d);
/* Read and parse a file, with caps->max_bytes as the file cap. */
int yaml_load_file(const char *path, const struct yaml_caps *caps, struct ynode **ret,
                   struct diag *d);
void ynode_free(struct ynode *n);
/* Map lookup; NULL when absent or when m is not a map. */
const struct ynode *ymap_get(const struct ynode *m, const char *key);
/* Name of a node type for messages ("a string", "a mapping", "a list"). */
const char *ynode_kind(const struct ynode *n);
/* Typed scalar conversions of YAML 1.1/1.2 core: true/false/yes/no, ints, floats, null. */
bool yscalar_is_null(const struct ynode *n);
int yscalar_bool(const struct ynode *n, bool *ret);
int yscalar_long(const struct ynode *n, long *ret);
int yscalar_double(const struct ynode *n, double *ret);
/* Convert a node tree to JSON (scalars typed as YAML would), for parameters/config. */
json_t *ynode_to_json(const struct ynode *n);

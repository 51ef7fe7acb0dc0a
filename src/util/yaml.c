/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libyaml's event parser turned into a capped node tree with positions.
 *
 * We do not use libyaml's document loader: it shares alias targets, so walking an aliased tree
 * can cost exponentially more than its node count. Here an alias is a deep copy that counts
 * against max_nodes. Tags are ignored (no custom types); every scalar stays a string and is
 * typed only when a caller asks (yscalar_*).
 */
#include <stdio.h>
#include <limits.h>
#include <strings.h>
#include <yaml.h>

#include "util/yaml.h"

struct anchor {
        char *name;
        struct ynode *node;
};

struct loader {
        const char *path;
        const struct yaml_caps *caps;
        size_t nodes;
        struct anchor *anchors;
        size_t n_anchors;
        struct diag *d;
};

void ynode_free(struct ynode *n)
{
        if (!n)
                return;
        for (size_t i = 0; i < n->n; i++)
                ynode_free(n->items[i]);
        free(n->items);
        free(n->str);
        free(n);
}

static struct ynode *ynode_new(struct loader *l, enum ynode_type t, const yaml_mark_t *m)
{
        struct ynode *n;

        if (++l->nodes > l->caps->max_nodes) {
                diag_set(l->d, l->path, (unsigned)m->line + 1, (unsigned)m->column + 1,
                         "document has more than %zu nodes (aliases count as copies)",
                         l->caps->max_nodes);
                return NULL;
        }
        n = calloc(1, sizeof(*n));
        if (!n) {
                diag_set(l->d, l->path, 0, 0, "out of memory");
                return NULL;
        }
        n->type = t;
        n->line = (unsigned)m->line + 1;
        n->col = (unsigned)m->column + 1;
        return n;
}

static int ynode_add(struct ynode *parent, struct ynode *child)
{
        if (parent->n == parent->cap) {
                size_t cap = parent->cap ? parent->cap * 2 : 4;
                struct ynode **v = realloc(parent->items, cap * sizeof(*v));

                if (!v)
                        return -ENOMEM;
                parent->items = v;
                parent->cap = cap;
        }
        parent->items[parent->n++] = child;
        return 0;
}

static struct ynode *ynode_copy(struct loader *l, const struct ynode *src, const yaml_mark_t *m)
{
        struct ynode *n = ynode_new(l, src->type, m);

        if (!n)
                return NULL;
        n->plain = src->plain;
        if (src->str && !(n->str = strndup(src->str, src->len)))
                goto oom;
        n->len = src->len;
        for (size_t i = 0; i < src->n; i++) {
                struct ynode *c = ynode_copy(l, src->items[i], m);

                if (!c || ynode_add(n, c) < 0) {
                        ynode_free(c);
                        ynode_free(n);
                        return NULL;
                }
        }
        return n;
oom:
        ynode_free(n);
        return NULL;
}

static int remember_anchor(struct loader *l, const yaml_char_t *name, struct ynode *n)
{
        struct anchor *a;

        if (!name)
                return 0;
        a = realloc(l->anchors, (l->n_anchors + 1) * sizeof(*a));
        if (!a)
                return -ENOMEM;
        l->anchors = a;
        a[l->n_anchors].name = strdup((const char *)name);
        a[l->n_anchors].node = n;
        if (!a[l->n_anchors].name)
                return -ENOMEM;
        l->n_anchors++;
        return 0;
}

static struct ynode *find_anchor(struct loader *l, const char *name)
{
        /* The latest definition wins, as in YAML. */
        for (size_t i = l->n_anchors; i > 0; i--)
                if (streq(l->anchors[i - 1].name, name))
                        return l->anchors[i - 1].node;
        return NULL;
}

static int check_duplicate_key(struct loader *l, const struct ynode *map, const struct ynode *key)
{
        if (key->type != Y_SCALAR) {
                diag_set(l->d, l->path, key->line, key->col, "mapping keys must be plain strings");
                return -EINVAL;
        }
        for (size_t i = 0; i + 1 < map->n; i += 2)
                if (streq(map->items[i]->str, key->str)) {
                        diag_set(l->d, l->path, key->line, key->col,
                                 "duplicate key '%s' (first at line %u)", key->str,
                                 map->items[i]->line);
                        return -EINVAL;
                }
        return 0;
}

static int next_event(yaml_parser_t *p, yaml_event_t *e, struct loader *l)
{
        if (yaml_parser_parse(p, e))
                return 0;
        diag_set(l->d, l->path, (unsigned)p->problem_mark.line + 1,
                 (unsigned)p->problem_mark.column + 1, "YAML syntax error: %s%s%s",
                 p->problem ? p->problem : "unknown", p->context ? " " : "",
                 p->context ? p->context : "");
        return -EINVAL;
}

/* Parse one node whose first event is `e` (consumed by the caller afterwards). */
static int parse_node(yaml_parser_t *p, yaml_event_t *e, struct loader *l, unsigned depth,
                      struct ynode **ret)
{
        struct ynode *n = NULL;
        yaml_event_t c;
        int r;

        if (depth > l->caps->max_depth) {
                diag_set(l->d, l->path, (unsigned)e->start_mark.line + 1,
                         (unsigned)e->start_mark.column + 1, "nesting deeper than %u levels",
                         l->caps->max_depth);
                return -E2BIG;
        }
        switch (e->type) {
        case YAML_SCALAR_EVENT:
                if (e->data.scalar.length > l->caps->max_scalar) {
                        diag_set(l->d, l->path, (unsigned)e->start_mark.line + 1,
                                 (unsigned)e->start_mark.column + 1,
                                 "string longer than %zu bytes", l->caps->max_scalar);
                        return -E2BIG;
                }
                /* Strings are NUL-terminated everywhere after this: a NUL inside one would
                 * cut it short silently. */
                if (memchr(e->data.scalar.value, '\0', e->data.scalar.length)) {
                        diag_set(l->d, l->path, (unsigned)e->start_mark.line + 1,
                                 (unsigned)e->start_mark.column + 1,
                                 "NUL character in a string");
                        return -EINVAL;
                }
                n = ynode_new(l, Y_SCALAR, &e->start_mark);
                if (!n)
                        return -E2BIG;
                n->str = strndup((const char *)e->data.scalar.value, e->data.scalar.length);
                n->len = e->data.scalar.length;
                n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                if (!n->str || remember_anchor(l, e->data.scalar.anchor, n) < 0)
                        goto oom;
                *ret = n;
                return 0;
        case YAML_ALIAS_EVENT: {
                struct ynode *target = find_anchor(l, (const char *)e->data.alias.anchor);

                if (!target) {
                        diag_set(l->d, l->path, (unsigned)e->start_mark.line + 1,
                                 (unsigned)e->start_mark.column + 1, "unknown alias '*%s'",
                                 e->data.alias.anchor);
                        return -EINVAL;
                }
                n = ynode_copy(l, target, &e->start_mark);
                if (!n)
                        return -E2BIG;
                *ret = n;
                return 0;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
                bool map = e->type == YAML_MAPPING_START_EVENT;
                yaml_event_type_t end = map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;

                n = ynode_new(l, map ? Y_MAP : Y_SEQ, &e->start_mark);
                if (!n)
                        return -E2BIG;
                for (;;) {
                        struct ynode *child = NULL;

                        r = next_event(p, &c, l);
                        if (r < 0)
                                goto fail;
                        if (c.type == end) {
                                yaml_event_delete(&c);
                                break;
                        }
                        r = parse_node(p, &c, l, depth + 1, &child);
                        yaml_event_delete(&c);
                        if (r < 0)
                                goto fail;
                        if (map && n->n % 2 == 0 && (r = check_duplicate_key(l, n, child)) < 0) {
                                ynode_free(child);
                                goto fail;
                        }
                        if (ynode_add(n, child) < 0) {
                                ynode_free(child);
                                goto oom;
                        }
                }
                /* Anchors on collections are remembered once complete (no self-reference). */
                if (remember_anchor(l, map ? e->data.mapping_start.anchor
                                           : e->data.sequence_start.anchor, n) < 0)
                        goto oom;
                *ret = n;
                return 0;
        }
        default:
                diag_set(l->d, l->path, (unsigned)e->start_mark.line + 1,
                         (unsigned)e->start_mark.column + 1, "unexpected YAML event");
                return -EINVAL;
        }
oom:
        diag_set(l->d, l->path, 0, 0, "out of memory");
        r = -ENOMEM;
fail:
        ynode_free(n);
        return r;
}

int yaml_parse(const char *path, const char *data, size_t len, const struct yaml_caps *caps,
               struct ynode **ret, struct diag *d)
{
        struct loader l = { .path = path, .caps = caps, .d = d };
        struct ynode *root = NULL;
        yaml_parser_t p;
        yaml_event_t e;
        bool have_doc = false;
        int r = 0;

        if (len > caps->max_bytes) {
                diag_set(d, path, 0, 0, "file is larger than %zu bytes", caps->max_bytes);
                return -E2BIG;
        }
        if (!yaml_parser_initialize(&p))
                return -ENOMEM;
        yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
        for (;;) {
                r = next_event(&p, &e, &l);
                if (r < 0)
                        break;
                if (e.type == YAML_STREAM_END_EVENT) {
                        yaml_event_delete(&e);
                        break;
                }
                if (e.type == YAML_DOCUMENT_START_EVENT) {
                        if (have_doc) {
                                diag_set(d, path, (unsigned)e.start_mark.line + 1,
                                         (unsigned)e.start_mark.column + 1,
                                         "more than one YAML document in the file");
                                yaml_event_delete(&e);
                                r = -EINVAL;
                                break;
                        }
                        have_doc = true;
                } else if (e.type == YAML_SCALAR_EVENT || e.type == YAML_ALIAS_EVENT ||
                           e.type == YAML_SEQUENCE_START_EVENT ||
                           e.type == YAML_MAPPING_START_EVENT) {
                        r = parse_node(&p, &e, &l, 1, &root);
                        if (r < 0) {
                                yaml_event_delete(&e);
                                break;
                        }
                }
                yaml_event_delete(&e);
        }
        yaml_parser_delete(&p);
        for (size_t i = 0; i < l.n_anchors; i++)
                free(l.anchors[i].name);
        free(l.anchors);
        if (r < 0) {
                ynode_free(root);
                return r;
        }
        *ret = root;
        return 0;
}

int yaml_load_file(const char *path, const struct yaml_caps *caps, struct ynode **ret,
                   struct diag *d)
{
        struct buf b = BUF_INIT(caps->max_bytes);
        int r = read_file_capped(path, caps->max_bytes, &b);

        if (r < 0) {
                if (r == -E2BIG)
                        diag_set(d, path, 0, 0, "file is larger than %zu bytes", caps->max_bytes);
                else
                        diag_set(d, path, 0, 0, "cannot read: %s", strerror(-r));
                buf_free(&b);
                return r;
        }
        r = yaml_parse(path, b.data, b.len, caps, ret, d);
        buf_free(&b);
        return r;
}

const struct ynode *ymap_get(const struct ynode *m, const char *key)
{
        if (!m || m->type != Y_MAP)
                return NULL;
        for (size_t i = 0; i + 1 < m->n; i += 2)
                if (streq(m->items[i]->str, key))
                        return m->items[i + 1];
        return NULL;
}

const char *ynode_kind(const struct ynode *n)
{
        if (!n)
                return "nothing";
        switch (n->type) {
        case Y_MAP:
                return "a mapping";
        case Y_SEQ:
                return "a list";
        default:
                return yscalar_is_null(n) ? "null" : "a scalar";
        }
}

bool yscalar_is_null(const struct ynode *n)
{
        return n && n->type == Y_SCALAR && n->plain &&
               (n->len == 0 || streq(n->str, "~") || strcasecmp(n->str, "null") == 0);
}

int yscalar_bool(const struct ynode *n, bool *ret)
{
        static const char *const yes[] = { "true", "yes", "on" };
        static const char *const no[] = { "false", "no", "off" };

        if (!n || n->type != Y_SCALAR || !n->plain)
                return -EINVAL;
        for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
                if (strcasecmp(n->str, yes[i]) == 0) {
                        *ret = true;
                        return 0;
                }
                if (strcasecmp(n->str, no[i]) == 0) {
                        *ret = false;
                        return 0;
                }
        }
        return -EINVAL;
}

int yscalar_long(const struct ynode *n, long *ret)
{
        int64_t v;

        if (!n || n->type != Y_SCALAR || !n->plain || parse_i64(n->str, &v) < 0)
                return -EINVAL;
        if (v < LONG_MIN || v > LONG_MAX)
                return -ERANGE;
        *ret = (long)v;
        return 0;
}

int yscalar_double(const struct ynode *n, double *ret)
{
        if (!n || n->type != Y_SCALAR || !n->plain)
                return -EINVAL;
        return parse_double(n->str, ret);
}

json_t *ynode_to_json(const struct ynode *n)
{
        json_t *j;

        if (!n)
                return json_null();
        switch (n->type) {
        case Y_MAP:
                j = json_object();
                for (size_t i = 0; j && i + 1 < n->n; i += 2)
                        if (json_object_set_new(j, n->items[i]->str,
                                                ynode_to_json(n->items[i + 1])) < 0) {
                                json_decref(j);
                                return NULL;
                        }
                return j;
        case Y_SEQ:
                j = json_array();
                for (size_t i = 0; j && i < n->n; i++)
                        if (json_array_append_new(j, ynode_to_json(n->items[i])) < 0) {
                                json_decref(j);
                                return NULL;
                        }
                return j;
        default: {
                bool b;
                long l;
                double d;

                if (yscalar_is_null(n))
                        return json_null();
                if (yscalar_bool(n, &b) == 0)
                        return json_boolean(b);
                if (yscalar_long(n, &l) == 0)
                        return json_integer(l);
                if (yscalar_double(n, &d) == 0 && strpbrk(n->str, ".eE"))
                        return json_real(d);
                return json_stringn(n->str, n->len);
        }
        }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys: the internal types of the config key table (config.c) and of its value types
 * (keytypes.c). Not a public header: only src/config/ includes it.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"
#include "util/yaml.h"

#define NOT_STORED SIZE_MAX

enum key_type { K_BOOL, K_NUMBER, K_INTEGER, K_ENUM, K_STRING, K_HOSTS, K_COMMANDS, K_NAMES,
                K_PATHS,
                K_PRICES, _K_MAX };
enum shape { SHAPE_SCALAR, SHAPE_LIST, SHAPE_MAP };

enum key_flags {
        F_MIN_OPEN = 1 << 0,     /* K_NUMBER: the minimum itself is refused */
        F_ICASE = 1 << 1,        /* K_ENUM: any letter case (AKIOS writes log_level: INFO) */
        F_COMPAT = 1 << 2,       /* accepted from AKIOS config files for compatibility */
        F_MUST_BE_FALSE = 1 << 3, /* K_BOOL: only false is supported */
        F_MUST_BE_TRUE = 1 << 4,  /* K_BOOL: only true is supported */
        F_INERT = 1 << 5         /* no meaning in akios: a value other than the default gets a
                                  * one-line notice (config_notices) */
};

struct enum_value {
        const char *name;
        int value;
};

struct config_key {
        const char *name;
        enum key_type type;
        size_t offset;                   /* in struct akios_config, or NOT_STORED */
        const char *def;                 /* default, as written in config.yaml */
        double min, max;                 /* K_NUMBER, K_INTEGER */
        const struct enum_value *values; /* K_ENUM names; K_STRING: the only accepted values */
        unsigned flags;
        const char *doc;
        const char *instead;             /* refused AKIOS values: what to use instead */
};

/* Where a value came from, for messages: "file:line:col: key: ..." or "AKIOS_KEY: ...". */
struct origin {
        const char *file; /* config path, or the AKIOS_* variable name */
        bool env;
        const char *key;
        struct diag *d;
};

struct type_ops {
        const char *name; /* for --help */
        enum shape shape;
        bool typed;       /* scalar typed by YAML: a quoted value is a string, never a match */
        int (*set)(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                   const struct origin *o);
        void (*want)(const struct config_key *k, char *out, size_t size);
        json_t *(*to_json)(const struct akios_config *c, const struct config_key *k);
        void (*free)(struct akios_config *c, const struct config_key *k);
};

extern const struct type_ops config_type_ops[_K_MAX];

/* The field of struct akios_config that key k is stored in. */
#define FIELD(c, k, type) ((type *)(void *)((char *)(c) + (k)->offset))

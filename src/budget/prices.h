/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internal to budget/: the built-in price table. */
#pragma once

#include "budget/budget.h"

struct builtin_price {
        const char *provider;
        const char *model;
        struct budget_price price;
};

const struct builtin_price *builtin_price_find(const char *provider, const char *model);
size_t builtin_price_count(void);

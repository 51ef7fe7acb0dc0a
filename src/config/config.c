/* placeholder replaced below */
#include "config/config.h"

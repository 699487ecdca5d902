// SPDX-License-Identifier: Apache-2.0
#pragma once
// The keys of a board file, declared once (models/common/config/keys.h): parse_board reads them
// through these declarations, and the JSON Schema and the docs' "Board keys" table are generated
// from them. The `software:` section is the software layer's (sim/scenario/software_config.h);
// here it is declared as a map its reader checks.

#include "models/common/config/keys.h"

namespace sim::models {

const config::KeySet& board_keys();
const config::KeySet& memory_bank_keys();
const config::KeySet& mailbox_keys();
const config::KeySet& mailbox_terminal_keys();
const config::KeySet& carveout_keys();
const config::KeySet& core_keys();
const config::KeySet& gic_keys();
const config::KeySet& cluster_keys();
const config::KeySet& dcache_keys();
const config::KeySet& uart_keys();
const config::KeySet& mmu_region_keys();
const config::KeySet& os_keys();

} // namespace sim::models

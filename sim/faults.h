// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario's `faults:` (DESIGN §6): what to break, armed on the platform before the run, and
// when each fault fired (report.json `faults[]`). Faults are deterministic: they fire on a
// counted occurrence, never on a clock or a random draw.
//
//   faults:
//     - skip_cache_op: { cluster: remote, site: tx_buffer_flush }          # every call
//     - skip_cache_op: { cluster: remote, site: rx_avail_idx_invalidate, nth: 3 }

#include <vector>

#include "models/common/config/config_node.h"
#include "models/platform/platform.h"
#include "sim/fault_spec.h"

namespace sim::app {

/// Parses the `faults:` list; an unknown fault, cluster or site is an input error.
std::vector<FaultSpec> parse_faults(const config::ConfigNode& list);
/// Arms every fault on the platform's models.
void arm_faults(const std::vector<FaultSpec>& faults, models::Platform& platform);
/// What each fault did, in the scenario's order.
std::vector<FaultRecord> fault_records(const std::vector<FaultSpec>& faults,
                                       models::Platform& platform);

} // namespace sim::app

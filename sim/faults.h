// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario's `faults:` (DESIGN §6): what to break, armed on the platform before the run, and
// when each fault fired (report.json `faults[]`). Faults are deterministic: they fire on a
// counted occurrence, never on a clock or a random draw.
//
//   faults:
//     - skip_cache_op: { cluster: remote, site: tx_buffer_flush }          # every call
//     - skip_cache_op: { cluster: remote, site: rx_avail_idx_invalidate, nth: 3 }
//     - double_tx_buffer: { nth: 5 }           # the remote hands TX buffer 5 out twice (B10)
//     - ignore_vq_irq_when_attached: {}        # Linux drops vq interrupts when attached (B11)

#include <vector>

#include "models/common/config/config_node.h"
#include "models/platform/platform.h"
#include "sim/fault_spec.h"
#include "sim/software_config.h"

namespace sim::app {

/// Parses the `faults:` list; an unknown fault, cluster or site is an input error.
std::vector<FaultSpec> parse_faults(const config::ConfigNode& list);
/// Puts the software faults into the stacks' options (before they boot).
void apply_software_faults(const std::vector<FaultSpec>& faults, MasterSoftware& master,
                           RemoteSoftware& remote);
/// Arms every hardware fault on the platform's models.
void arm_faults(const std::vector<FaultSpec>& faults, models::Platform& platform);
/// What each fault did, in the scenario's order; a stack that did not boot is nullptr.
std::vector<FaultRecord> fault_records(const std::vector<FaultSpec>& faults,
                                       models::Platform& platform,
                                       const sw::lnx::LinuxStatus* linux_status,
                                       const sw::zephyr::ZephyrStatus* zephyr_status);

} // namespace sim::app

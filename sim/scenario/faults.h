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
//     - linux_cacheable: {}                    # Linux maps the carve-outs Normal-WB
//     - rsc_offset: { value: 0x400 }           # Linux looks for the table at another offset
//     - unmap_region: { cluster: remote, region: VDEV0BUFFER }
//     - remote_boots_late: { at: 500ms }       # the remote image starts after Linux attached
//     - remote_restarts: { at: 50ms, reboot: 10ms }   # reset, image reloaded and started again

#include <deque>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/platform/platform.h"
#include "sim/scenario/fault_spec.h"
#include "sim/scenario/software_config.h"

namespace sim::app {

/// Parses the `faults:` list against the board; an unknown fault, cluster, site or region is an
/// input error.
std::vector<FaultSpec> parse_faults(const config::ConfigNode& list,
                                    const models::BoardConfig& board);
/// Puts the configuration faults into the board and the stacks' options (before anything runs).
void apply_scenario_faults(const std::vector<FaultSpec>& faults, models::BoardConfig& board,
                           MasterSoftware& master, RemoteSoftware& remote);
/// Arms every hardware fault on the platform's models.
void arm_faults(const std::vector<FaultSpec>& faults, models::Platform& platform);
/// What each fault did, in the scenario's order. `linux_status` is nullptr when Linux did not
/// boot; `zephyr_images` has one status per Zephyr image run (none, one, or more after restarts).
std::vector<FaultRecord> fault_records(const std::vector<FaultSpec>& faults,
                                       models::Platform& platform,
                                       const sw::lnx::LinuxStatus* linux_status,
                                       const std::deque<sw::zephyr::ZephyrStatus>& zephyr_images,
                                       const std::vector<Picoseconds>& remote_restarts);

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
#pragma once
// The scenario's `faults:` (DESIGN §6): what to break. One object per kind, found by name in a
// registry (faults.cpp) like the applications; each goes through five steps:
//
//   parse     the YAML body, checked against the board          (load time)
//   validate  against the whole scenario (its applications, the other faults)
//   apply     to the configuration: the board, the stacks' options (before anything is built)
//   arm       on the built platform's models                    (before the run)
//   record    what it did: how often the faulted operation ran, when the fault fired
//
// Faults are deterministic: they fire on a counted occurrence, never on a clock or a draw.
//
//   faults:
//     - skip_cache_op: { cluster: remote, site: tx_buffer_flush }          # every call
//     - skip_cache_op: { cluster: remote, site: rx_avail_idx_invalidate, nth: 3 }
//     - mailbox: { direction: master_to_remote, action: drop, nth: 2 }
//     - double_tx_buffer: { nth: 5 }           # the remote hands TX buffer 5 out twice (B10)
//     - ignore_vq_irq_when_attached: {}        # Linux drops vq interrupts when attached (B11)
//     - linux_cacheable: {}                    # Linux maps the carve-outs Normal-WB
//     - rsc_offset: { value: 0x400 }           # Linux looks for the table at another offset
//     - unmap_region: { cluster: remote, region: VDEV0BUFFER }
//     - remote_boots_late: { at: 500ms }       # the remote image starts after Linux attached
//     - remote_restarts: { at: 50ms, reboot: 10ms }   # reset, image reloaded and started again

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/common/config/config_node.h"
#include "models/common/config/keys.h"
#include "models/common/units.h"
#include "models/platform/board_config.h"
#include "sim/scenario/software_config.h"
#include "sw/hal/side.h"
#include "sw/linux/linux.h"
#include "sw/zephyr/zephyr.h"

namespace sim::models {
class Platform;
}

namespace sim::app {

struct Scenario;

/// What a fault did (report.json `faults[]`).
struct FaultRecord {
  std::string kind; ///< its key in the scenario (`skip_cache_op`)
  Side side = Side::kMaster;
  std::string description; ///< "skip_cache_op remote/tx_buffer_flush (every call)"
  /// Its settings as reported (`site`, `nth`, `action`, `delay_ns`...).
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();
  std::uint64_t occurrences = 0; ///< how often the faulted operation was reached
  std::vector<Picoseconds> fired;
};

/// What the run tells the faults when it is over.
struct FaultRunFacts {
  models::Platform& platform;
  const sw::lnx::LinuxStatus* linux_status; ///< nullptr: Linux did not boot
  /// One status per Zephyr image run (none, one, or more after restarts).
  const std::deque<sw::zephyr::ZephyrStatus>& zephyr_images;
  const std::vector<Picoseconds>& remote_restarts;
};

/// Fills in what an armed fault did, once the run is over.
using FaultReadout = std::function<void(const FaultRunFacts& facts, FaultRecord& record)>;

class Fault {
public:
  virtual ~Fault() = default;
  /// The key it was written with.
  virtual const char* kind() const = 0;
  /// The side it acts on.
  virtual Side side() const = 0;
  virtual std::string description() const = 0;
  /// Its settings as report.json shows them.
  virtual nlohmann::ordered_json settings() const { return nlohmann::ordered_json::object(); }
  /// Whether `other` (an earlier fault) sets what this one sets, so that one would silently
  /// replace the other: both in one scenario is an input error.
  virtual bool replaces(const Fault& other) const;
  /// Checks against the loaded scenario; `node` is the fault's item, to point at.
  virtual void validate(const Scenario& /*scenario*/, const config::ConfigNode& /*node*/) const {}
  /// Changes the configuration before anything is built.
  virtual void apply(models::BoardConfig& /*board*/, MasterSoftware& /*master*/,
                     RemoteSoftware& /*remote*/) const {}
  /// Hooks the built platform's models; the readout tells afterwards what happened.
  virtual FaultReadout arm(models::Platform& platform) const = 0;

  /// The record of this fault before its readout fills in what happened.
  FaultRecord blank_record() const;
};

/// Parses the `faults:` list against the board: an unknown fault (with the nearest known one),
/// cluster, site, region or action is an input error.
std::vector<std::shared_ptr<const Fault>> parse_faults(const config::ConfigNode& list,
                                                       const models::BoardConfig& board);

/// The fault kinds, by key.
std::vector<std::string> fault_kind_names();

/// Each fault kind's key and its declared settings (the `faults:` list's variants).
std::vector<std::pair<std::string, const config::KeySet*>> fault_variants();

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
// What the scenario's faults do: changes to the configuration before the run, hooks armed on the
// models, and afterwards when each fault fired.
#include <algorithm>
#include <map>

#include "models/common/tlm_util.h"
#include "sim/scenario/faults.h"

namespace sim::app {

namespace {

bool overlaps_carveout(const models::BoardConfig& board, const models::MmuRegion& r) {
  for (const models::CarveoutConfig& c : board.carveouts)
    if (r.base < c.base + c.size && c.base < r.end()) return true;
  return false;
}

/// The mailbox terminal a fault's sender writes: the master's is B (SP), the remote's A (MP).
models::Terminal sender_terminal(const FaultSpec& f) {
  return models::Platform::mailbox_terminal(f.cluster);
}

/// Faults in effect from the start: they fired when the run began (or when the remote booted).
bool configuration_fault(const FaultSpec& f) {
  return f.kind == FaultKind::kLinuxCacheable || f.kind == FaultKind::kRscOffset ||
         f.kind == FaultKind::kUnmapRegion || f.kind == FaultKind::kRemoteBootsLate;
}

} // namespace

void apply_scenario_faults(const std::vector<FaultSpec>& faults, models::BoardConfig& board,
                           MasterSoftware& master, RemoteSoftware& remote) {
  for (const FaultSpec& f : faults) {
    if (f.kind == FaultKind::kDoubleTxBuffer) remote.image.double_tx_buffer_nth = f.nth;
    if (f.kind == FaultKind::kIgnoreVqIrqWhenAttached)
      master.kernel.ignore_vq_irq_when_attached = true;
    if (f.kind == FaultKind::kRemoteBootsLate) remote.boot_at = f.at;
    if (f.kind == FaultKind::kRemoteRestarts) {
      remote.restart_at = f.at;
      remote.restart_delay = f.reboot;
    }
    if (f.kind == FaultKind::kLinuxCacheable)
      for (models::MmuRegion& r : board.master.mmu)
        if (overlaps_carveout(board, r)) r.attr = models::MemAttr::kNormalWb;
    if (f.kind == FaultKind::kRscOffset)
      for (models::CarveoutConfig& c : board.carveouts)
        if (c.name == "rsc_table") c.rsc_offset = f.value;
    if (f.kind == FaultKind::kUnmapRegion) {
      auto& mmu = f.cluster == "master" ? board.master.mmu : board.remote.mmu;
      mmu.erase(std::remove_if(mmu.begin(), mmu.end(),
                               [&](const models::MmuRegion& r) { return r.name == f.region; }),
                mmu.end());
    }
  }
}

void arm_faults(const std::vector<FaultSpec>& faults, models::Platform& platform) {
  for (const FaultSpec& f : faults) {
    if (f.kind == FaultKind::kSkipCacheOp)
      platform.cluster(f.cluster).skip_maintenance(f.site, f.nth);
    if (f.kind == FaultKind::kMailbox) {
      const models::KickFault action = f.action == "drop"        ? models::KickFault::kDrop
                                       : f.action == "duplicate" ? models::KickFault::kDuplicate
                                                                 : models::KickFault::kDelay;
      platform.mailbox().add_kick_fault(sender_terminal(f), f.nth, action, ps_to_sc(f.delay));
    }
  }
}

std::vector<FaultRecord> fault_records(const std::vector<FaultSpec>& faults,
                                       models::Platform& platform,
                                       const sw::lnx::LinuxStatus* linux_status,
                                       const std::deque<sw::zephyr::ZephyrStatus>& zephyr_images,
                                       const std::vector<Picoseconds>& remote_restarts) {
  std::vector<FaultRecord> out;
  // Faults were armed in order: the k-th skip_cache_op of a cluster is its k-th rule.
  std::map<std::string, std::size_t> next_rule;
  std::size_t next_mailbox = 0;
  for (const FaultSpec& f : faults) {
    FaultRecord r;
    r.spec = f;
    if (configuration_fault(f)) {
      // In effect from the start (or from the remote's late boot).
      r.fired = {f.kind == FaultKind::kRemoteBootsLate ? f.at : 0};
      r.occurrences = 1;
    }
    switch (f.kind) {
    case FaultKind::kSkipCacheOp: {
      r.description = "skip_cache_op " + f.cluster + "/" + f.site +
                      (f.nth == 0 ? " (every call)" : " (call " + std::to_string(f.nth) + ")");
      const auto& rules = platform.cluster(f.cluster).skipped_sites();
      const std::size_t k = next_rule[f.cluster]++;
      if (k < rules.size()) {
        r.occurrences = rules[k].calls;
        r.fired = rules[k].fired;
      }
      break;
    }
    case FaultKind::kMailbox: {
      r.description = "mailbox " + f.direction + " " + f.action + " of message " +
                      std::to_string(f.nth) +
                      (f.action == "delay" ? " by " + format_time(f.delay) : "");
      for (const sc_core::sc_time& t : platform.mailbox().fired_times(next_mailbox++))
        r.fired.push_back(sc_to_ps(t));
      r.occurrences = platform.mailbox().link().stats(sender_terminal(f)).messages;
      break;
    }
    case FaultKind::kDoubleTxBuffer:
      r.description = "double_tx_buffer remote (TX buffer " + std::to_string(f.nth) + ")";
      for (const sw::zephyr::ZephyrStatus& z : zephyr_images) {
        r.fired.insert(r.fired.end(), z.double_tx_buffer_fired.begin(),
                       z.double_tx_buffer_fired.end());
        r.occurrences += z.tx_buffers;
      }
      break;
    case FaultKind::kIgnoreVqIrqWhenAttached:
      r.description = "ignore_vq_irq_when_attached master";
      if (linux_status != nullptr) {
        r.fired = linux_status->vq_irqs_ignored;
        r.occurrences = linux_status->mbox_rx_words;
      }
      break;
    case FaultKind::kLinuxCacheable:
      r.description = "linux_cacheable: carve-outs Normal-WB on master";
      break;
    case FaultKind::kRscOffset:
      r.description = "rsc_offset " + format_hex(f.value, 1);
      break;
    case FaultKind::kUnmapRegion:
      r.description = "unmap_region " + f.cluster + "/" + f.region;
      break;
    case FaultKind::kRemoteBootsLate:
      r.description = "remote_boots_late at " + format_time(f.at);
      break;
    case FaultKind::kRemoteRestarts:
      r.description = "remote_restarts at " + format_time(f.at) + ", running again " +
                      format_time(f.reboot) + " later";
      r.fired = remote_restarts;
      r.occurrences = 1;
      break;
    }
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace sim::app

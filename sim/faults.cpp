// SPDX-License-Identifier: Apache-2.0
#include "sim/faults.h"

#include <algorithm>
#include <map>

#include "models/common/tlm_util.h"
#include "sw/zephyr/cache_sites.h"

namespace sim::app {
namespace {

using config::ConfigNode;

FaultSpec parse_skip_cache_op(const ConfigNode& n) {
  n.require_map();
  FaultSpec f;
  f.kind = "skip_cache_op";
  const ConfigNode cluster = n.at("cluster");
  f.cluster = cluster.str();
  if (f.cluster == "master")
    cluster.fail("the Linux model has no cache-maintenance sites (it maps the carve-outs "
                 "Normal-NC); skip_cache_op applies to cluster: remote");
  if (f.cluster != "remote") cluster.fail("expected remote");
  const ConfigNode site = n.at("site");
  f.site = site.str();
  const auto& all = sw::zephyr::site::kAll;
  if (std::find_if(all.begin(), all.end(), [&](const char* s) { return f.site == s; }) ==
      all.end()) {
    std::string known;
    for (const char* s : all) known += (known.empty() ? "" : ", ") + std::string(s);
    site.fail("no cache-maintenance site '" + f.site + "' (sites: " + known + ")");
  }
  if (auto nth = n.get("nth")) {
    f.nth = static_cast<unsigned>(nth->uint());
    if (f.nth == 0) nth->fail("nth counts from 1 (leave it out to skip every call)");
  }
  return f;
}

unsigned parse_nth(const ConfigNode& n) {
  const ConfigNode nth = n.at("nth");
  const std::uint64_t v = nth.uint();
  if (v == 0 || v > 1000000) nth.fail("nth counts from 1 (at most 1000000)");
  return static_cast<unsigned>(v);
}

FaultSpec parse_double_tx_buffer(const ConfigNode& n) {
  n.require_map();
  FaultSpec f;
  f.kind = "double_tx_buffer";
  f.cluster = "remote";
  f.nth = parse_nth(n);
  return f;
}

FaultSpec parse_ignore_vq_irq(const ConfigNode& n) {
  n.require_map();
  FaultSpec f;
  f.kind = "ignore_vq_irq_when_attached";
  f.cluster = "master";
  return f;
}

FaultSpec parse_mailbox(const ConfigNode& n) {
  n.require_map();
  FaultSpec f;
  f.kind = "mailbox";
  const ConfigNode direction = n.at("direction");
  f.direction = direction.str();
  if (f.direction != "master_to_remote" && f.direction != "remote_to_master")
    direction.fail("expected master_to_remote or remote_to_master");
  f.cluster = f.direction == "master_to_remote" ? "master" : "remote"; // the sender
  const ConfigNode action = n.at("action");
  f.action = action.str();
  if (f.action != "drop" && f.action != "duplicate" && f.action != "delay")
    action.fail("expected drop, duplicate or delay");
  f.nth = parse_nth(n);
  if (f.action == "delay") {
    const ConfigNode delay = n.at("delay");
    f.delay = delay.time();
    if (f.delay == 0) delay.fail("a delay must be above zero");
  } else if (auto delay = n.get("delay")) {
    delay->fail("only action: delay takes a delay");
  }
  return f;
}

constexpr const char* kKnownFaults =
    "skip_cache_op, mailbox, double_tx_buffer, ignore_vq_irq_when_attached";

} // namespace

std::vector<FaultSpec> parse_faults(const ConfigNode& list) {
  std::vector<FaultSpec> out;
  for (const ConfigNode& item : list.items()) {
    item.require_map();
    const auto entries = item.entries();
    if (entries.size() != 1) item.fail(std::string("each fault is one key: ") + kKnownFaults);
    const auto& [kind, body] = entries.front();
    if (kind == "skip_cache_op")
      out.push_back(parse_skip_cache_op(body));
    else if (kind == "mailbox")
      out.push_back(parse_mailbox(body));
    else if (kind == "double_tx_buffer")
      out.push_back(parse_double_tx_buffer(body));
    else if (kind == "ignore_vq_irq_when_attached")
      out.push_back(parse_ignore_vq_irq(body));
    else
      body.fail("unknown fault '" + kind + "' (known: " + kKnownFaults + ")");
  }
  return out;
}

void apply_software_faults(const std::vector<FaultSpec>& faults, MasterSoftware& master,
                           RemoteSoftware& remote) {
  for (const FaultSpec& f : faults) {
    if (f.kind == "double_tx_buffer") remote.image.double_tx_buffer_nth = f.nth;
    if (f.kind == "ignore_vq_irq_when_attached") master.kernel.ignore_vq_irq_when_attached = true;
  }
}

void arm_faults(const std::vector<FaultSpec>& faults, models::Platform& platform) {
  for (const FaultSpec& f : faults) {
    if (f.kind == "skip_cache_op") platform.cluster(f.cluster).skip_maintenance(f.site, f.nth);
    if (f.kind == "mailbox") {
      // The master sends through terminal B (SP), the remote through A (MP).
      const models::Terminal sender =
          f.cluster == "master" ? models::Terminal::kB : models::Terminal::kA;
      const models::KickFault action = f.action == "drop"        ? models::KickFault::kDrop
                                       : f.action == "duplicate" ? models::KickFault::kDuplicate
                                                                 : models::KickFault::kDelay;
      platform.mailbox().add_kick_fault(sender, f.nth, action, ps_to_sc(f.delay));
    }
  }
}

std::vector<FaultRecord> fault_records(const std::vector<FaultSpec>& faults,
                                       models::Platform& platform,
                                       const sw::lnx::LinuxStatus* linux_status,
                                       const sw::zephyr::ZephyrStatus* zephyr_status) {
  std::vector<FaultRecord> out;
  // Faults were armed in order: the k-th skip_cache_op of a cluster is its k-th rule.
  std::map<std::string, std::size_t> next_rule;
  std::size_t next_mailbox = 0;
  for (const FaultSpec& f : faults) {
    FaultRecord r;
    r.spec = f;
    const std::string which =
        f.nth == 0 ? " (every call)" : " (call " + std::to_string(f.nth) + ")";
    if (f.kind == "skip_cache_op") r.description = f.kind + " " + f.cluster + "/" + f.site + which;
    if (f.kind == "mailbox") {
      r.description = "mailbox " + f.direction + " " + f.action + " of message " +
                      std::to_string(f.nth) +
                      (f.action == "delay" ? " by " + format_time(f.delay) : "");
      for (const sc_core::sc_time& t : platform.mailbox().fired_times(next_mailbox++))
        r.fired.push_back(sc_to_ps(t));
      const models::Terminal sender =
          f.cluster == "master" ? models::Terminal::kB : models::Terminal::kA;
      r.occurrences = platform.mailbox().link().stats(sender).messages;
    }
    if (f.kind == "double_tx_buffer")
      r.description = "double_tx_buffer remote (TX buffer " + std::to_string(f.nth) + ")";
    if (f.kind == "ignore_vq_irq_when_attached")
      r.description = "ignore_vq_irq_when_attached master";
    if (f.kind == "double_tx_buffer" && zephyr_status != nullptr) {
      r.fired = zephyr_status->double_tx_buffer_fired;
      r.occurrences = zephyr_status->tx_buffers;
    }
    if (f.kind == "ignore_vq_irq_when_attached" && linux_status != nullptr) {
      r.fired = linux_status->vq_irqs_ignored;
      r.occurrences = linux_status->mbox_rx_words;
    }
    if (f.kind == "skip_cache_op") {
      const auto& rules = platform.cluster(f.cluster).skipped_sites();
      const std::size_t k = next_rule[f.cluster]++;
      if (k < rules.size()) {
        r.occurrences = rules[k].calls;
        r.fired = rules[k].fired;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/faults.h"

#include <algorithm>
#include <map>

#include "models/common/tlm_util.h"
#include "sw/zephyr/cache_sites.h"

namespace sim::app {
namespace {

using config::ConfigNode;

/// `nth` counts from 1; `zero_hint` says what to write instead of 0.
unsigned parse_nth(const ConfigNode& n, const char* zero_hint = "") {
  const ConfigNode nth = n.at("nth");
  const std::uint64_t v = nth.uint();
  if (v == 0 || v > 1000000)
    nth.fail(std::string("nth counts from 1 (at most 1000000)") + zero_hint);
  return static_cast<unsigned>(v);
}

/// A fault's body is a map; `cluster` is where the fault acts (empty: given by the body).
FaultSpec begin(const ConfigNode& n, FaultKind kind, const char* cluster = "") {
  n.require_map();
  FaultSpec f;
  f.kind = kind;
  f.cluster = cluster;
  return f;
}

FaultSpec parse_skip_cache_op(const ConfigNode& n) {
  FaultSpec f = begin(n, FaultKind::kSkipCacheOp);
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
  if (n.get("nth")) f.nth = parse_nth(n, "; leave it out to skip every call");
  return f;
}

FaultSpec parse_double_tx_buffer(const ConfigNode& n) {
  FaultSpec f = begin(n, FaultKind::kDoubleTxBuffer, "remote");
  f.nth = parse_nth(n);
  return f;
}

FaultSpec parse_mailbox(const ConfigNode& n) {
  FaultSpec f = begin(n, FaultKind::kMailbox);
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

FaultSpec parse_rsc_offset(const ConfigNode& n, const models::BoardConfig& board) {
  FaultSpec f = begin(n, FaultKind::kRscOffset, "master");
  const ConfigNode value = n.at("value");
  f.value = value.uint();
  const models::CarveoutConfig* window = board.carveout("rsc_table");
  if (window == nullptr) n.fail("the board has no rsc_table carve-out");
  const std::uint64_t table = window->rsc_size.value_or(0);
  if (f.value >= window->size || table > window->size - f.value)
    value.fail("the table (" + format_hex(table, 1) + " bytes) must fit in the rsc_table window (" +
               format_hex(window->size, 1) + " bytes)");
  return f;
}

FaultSpec parse_unmap_region(const ConfigNode& n, const models::BoardConfig& board) {
  FaultSpec f = begin(n, FaultKind::kUnmapRegion);
  const ConfigNode cluster = n.at("cluster");
  f.cluster = cluster.str();
  if (f.cluster != "master" && f.cluster != "remote") cluster.fail("expected master or remote");
  const ConfigNode region = n.at("region");
  f.region = region.str();
  std::string known;
  for (const models::MmuRegion& r : board.cluster(f.cluster).mmu) {
    if (r.name == f.region) return f;
    known += (known.empty() ? "" : ", ") + r.name;
  }
  region.fail("the " + f.cluster + " MMU map has no region '" + f.region + "' (regions: " + known +
              ")");
}

FaultSpec parse_remote_boots_late(const ConfigNode& n) {
  FaultSpec f = begin(n, FaultKind::kRemoteBootsLate, "remote");
  const ConfigNode at = n.at("at");
  f.at = at.time();
  if (f.at == 0) at.fail("a late boot starts after 0");
  return f;
}

FaultSpec parse_remote_restarts(const ConfigNode& n) {
  FaultSpec f = begin(n, FaultKind::kRemoteRestarts, "remote");
  const ConfigNode at = n.at("at");
  f.at = at.time();
  if (f.at == 0) at.fail("a restart happens after 0");
  const ConfigNode reboot = n.at("reboot");
  f.reboot = reboot.time();
  // Code caught in the middle of a quantum (at most the board's 1us) must have unwound first.
  if (f.reboot < kPsPerMs) reboot.fail("a reboot takes at least 1ms");
  return f;
}

constexpr const char* kKnownFaults =
    "skip_cache_op, mailbox, double_tx_buffer, ignore_vq_irq_when_attached, linux_cacheable, "
    "rsc_offset, unmap_region, remote_boots_late, remote_restarts";

} // namespace

const char* fault_kind_name(FaultKind kind) {
  switch (kind) {
  case FaultKind::kSkipCacheOp:
    return "skip_cache_op";
  case FaultKind::kMailbox:
    return "mailbox";
  case FaultKind::kDoubleTxBuffer:
    return "double_tx_buffer";
  case FaultKind::kIgnoreVqIrqWhenAttached:
    return "ignore_vq_irq_when_attached";
  case FaultKind::kLinuxCacheable:
    return "linux_cacheable";
  case FaultKind::kRscOffset:
    return "rsc_offset";
  case FaultKind::kUnmapRegion:
    return "unmap_region";
  case FaultKind::kRemoteBootsLate:
    return "remote_boots_late";
  case FaultKind::kRemoteRestarts:
    return "remote_restarts";
  }
  return "?";
}

std::vector<FaultSpec> parse_faults(const ConfigNode& list, const models::BoardConfig& board) {
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
    else if (kind == "ignore_vq_irq_when_attached" || kind == "linux_cacheable")
      out.push_back(begin(body,
                          kind == "linux_cacheable" ? FaultKind::kLinuxCacheable
                                                    : FaultKind::kIgnoreVqIrqWhenAttached,
                          "master"));
    else if (kind == "rsc_offset")
      out.push_back(parse_rsc_offset(body, board));
    else if (kind == "unmap_region")
      out.push_back(parse_unmap_region(body, board));
    else if (kind == "remote_boots_late")
      out.push_back(parse_remote_boots_late(body));
    else if (kind == "remote_restarts")
      out.push_back(parse_remote_restarts(body));
    else
      body.fail("unknown fault '" + kind + "' (known: " + kKnownFaults + ")");
    // These set one value of the run: a second one would silently replace the first.
    const FaultSpec& added = out.back();
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
      const bool same =
          out[i].kind == added.kind &&
          (added.kind == FaultKind::kDoubleTxBuffer || added.kind == FaultKind::kRscOffset ||
           added.kind == FaultKind::kRemoteBootsLate || added.kind == FaultKind::kRemoteRestarts ||
           added.kind == FaultKind::kLinuxCacheable ||
           added.kind == FaultKind::kIgnoreVqIrqWhenAttached ||
           (added.kind == FaultKind::kUnmapRegion && out[i].cluster == added.cluster &&
            out[i].region == added.region));
      if (same)
        body.fail(std::string("a second ") + fault_kind_name(added.kind) + " fault (faults[" +
                  std::to_string(i) + "] is one): give it once");
    }
  }
  return out;
}

} // namespace sim::app

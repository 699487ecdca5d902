// SPDX-License-Identifier: Apache-2.0
// Faults armed on the models: a cache-maintenance request the remote's OpenAMP skips, and a
// mailbox doorbell dropped, duplicated or delayed.
#include <algorithm>

#include "models/common/tlm_util.h"
#include "models/platform/platform.h"
#include "sim/scenario/fault_kinds.h"
#include "sw/zephyr/cache_sites.h"

namespace sim::app::fault_kinds {
namespace {

using config::ConfigNode;
using json = nlohmann::ordered_json;

/// `skip_cache_op`: the remote's libmetal cache operation at `site` does nothing, on every call
/// or on the `nth` (the cluster counts the requests at each site).
class SkipCacheOp : public Fault {
public:
  SkipCacheOp(std::string site, unsigned nth) : site_(std::move(site)), nth_(nth) {}
  const char* kind() const override { return "skip_cache_op"; }
  Side side() const override { return Side::kRemote; }
  std::string description() const override {
    return "skip_cache_op remote/" + site_ +
           (nth_ == 0 ? " (every call)" : " (call " + std::to_string(nth_) + ")");
  }
  json settings() const override {
    json j = {{"site", site_}};
    if (nth_ != 0) j["nth"] = nth_;
    return j;
  }
  // Each acts on its own site and occurrence.
  bool replaces(const Fault&) const override { return false; }
  FaultReadout arm(models::Platform& platform) const override {
    const std::size_t rule = platform.cluster(side()).skip_maintenance(site_, nth_);
    return [rule](const FaultRunFacts& facts, FaultRecord& r) {
      const models::Cluster::SkippedSite& s = facts.platform.cluster(r.side).skipped_sites()[rule];
      r.occurrences = s.calls;
      r.fired = s.fired;
    };
  }

private:
  std::string site_;
  unsigned nth_;
};

/// `mailbox`: the `nth` doorbell one way is dropped, sent twice or held back by `delay`.
class MailboxKick : public Fault {
public:
  MailboxKick(Direction direction, models::KickFault action, unsigned nth, Picoseconds delay)
      : direction_(direction), action_(action), nth_(nth), delay_(delay) {}
  const char* kind() const override { return "mailbox"; }
  /// The sender: its terminal's sends are the ones counted.
  Side side() const override { return sender_of(direction_); }
  std::string description() const override {
    return std::string("mailbox ") + direction_key(direction_) + " " + action_name() +
           " of message " + std::to_string(nth_) +
           (action_ == models::KickFault::kDelay ? " by " + format_time(delay_) : "");
  }
  json settings() const override {
    json j = {{"nth", nth_}, {"direction", direction_key(direction_)}, {"action", action_name()}};
    if (delay_ != 0) j["delay_ns"] = delay_ / kPsPerNs;
    return j;
  }
  bool replaces(const Fault&) const override { return false; }
  FaultReadout arm(models::Platform& platform) const override {
    const models::Terminal sender = models::mailbox_terminal(side());
    const std::size_t index =
        platform.mailbox().add_kick_fault(sender, nth_, action_, ps_to_sc(delay_));
    return [index, sender](const FaultRunFacts& facts, FaultRecord& r) {
      for (const sc_core::sc_time& t : facts.platform.mailbox().fired_times(index))
        r.fired.push_back(sc_to_ps(t));
      r.occurrences = facts.platform.mailbox().link().stats(sender).messages;
    };
  }

private:
  const char* action_name() const {
    return action_ == models::KickFault::kDrop        ? "drop"
           : action_ == models::KickFault::kDuplicate ? "duplicate"
                                                      : "delay";
  }
  Direction direction_;
  models::KickFault action_;
  unsigned nth_;
  Picoseconds delay_;
};

} // namespace

std::unique_ptr<Fault> skip_cache_op(const ConfigNode& body, const models::BoardConfig&) {
  const ConfigNode cluster = body.at("cluster");
  if (parse_side(body) == Side::kMaster)
    cluster.fail("the Linux model has no cache-maintenance sites (it maps the carve-outs "
                 "Normal-NC); skip_cache_op applies to cluster: remote");
  const ConfigNode site = body.at("site");
  const std::string name = site.str();
  const auto& all = sw::zephyr::site::kAll;
  if (std::find_if(all.begin(), all.end(), [&](const char* s) { return name == s; }) == all.end())
    site.fail_choice(name, std::vector<std::string>(all.begin(), all.end()));
  const unsigned nth = body.get("nth") ? parse_nth(body, "; leave it out to skip every call") : 0;
  return std::make_unique<SkipCacheOp>(name, nth);
}

std::unique_ptr<Fault> mailbox(const ConfigNode& body, const models::BoardConfig&) {
  const Direction direction =
      body.at("direction")
          .choice<Direction>(
              {{direction_key(Direction::kMasterToRemote), Direction::kMasterToRemote},
               {direction_key(Direction::kRemoteToMaster), Direction::kRemoteToMaster}});
  const models::KickFault action =
      body.at("action").choice<models::KickFault>({{"drop", models::KickFault::kDrop},
                                                   {"duplicate", models::KickFault::kDuplicate},
                                                   {"delay", models::KickFault::kDelay}});
  const unsigned nth = parse_nth(body);
  Picoseconds delay = 0;
  if (action == models::KickFault::kDelay) {
    const ConfigNode d = body.at("delay");
    delay = d.time();
    if (delay == 0) d.fail("a delay must be above zero");
  } else if (auto d = body.get("delay")) {
    d->fail("only action: delay takes a delay");
  }
  return std::make_unique<MailboxKick>(direction, action, nth, delay);
}

} // namespace sim::app::fault_kinds

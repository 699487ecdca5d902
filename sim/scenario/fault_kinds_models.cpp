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

const config::KeySet& skip_cache_op_keys() {
  static const config::KeySet keys(
      "fault_skip_cache_op",
      "The remote's cache-maintenance request at `site` is not executed: on every call, or only "
      "on the `nth`. `nth` counts the cache-maintenance instructions issued at that site: one "
      "OpenAMP invalidate of an unaligned buffer issues up to three (clean+invalidate of a partial "
      "first and last line, invalidate of the whole lines between), all with the same site name. "
      "The sanitizer's hints name the skipped site.",
      {cluster_key("the cluster whose request is skipped: `remote` (the Linux model maps the "
                   "carve-outs Normal-NC and issues none)")
           .eg("cluster: remote"),
       config::Key::choice(
           "site",
           std::vector<std::string>(sw::zephyr::site::kAll.begin(), sw::zephyr::site::kAll.end()),
           "the call site (sw/zephyr/cache_sites.h)")
           .needed()
           .eg("site: tx_buffer_flush"),
       nth_key("the one call to skip; leave it out to skip every call").eg("nth: 3")});
  return keys;
}

std::unique_ptr<Fault> skip_cache_op(const config::KeyReader& body, const models::BoardConfig&) {
  if (parse_side(body) == Side::kMaster)
    body.at("cluster").fail("the Linux model has no cache-maintenance sites (it maps the "
                            "carve-outs Normal-NC); skip_cache_op applies to cluster: remote");
  const std::string site = body.choice_text("site");
  const unsigned nth = body.has("nth") ? body.small_uint("nth") : 0;
  return std::make_unique<SkipCacheOp>(site, nth);
}

const config::KeySet& mailbox_keys() {
  static const config::KeySet keys(
      "fault_mailbox",
      "The `nth` mailbox message (kick) sent in `direction` is dropped (`drop`: it vanishes, the "
      "sender still gets TX-done), delivered twice (`duplicate`) or held back for `delay` "
      "(`delay`: the sender's TX-done waits too).",
      {config::Key::choice(
           "direction",
           {direction_key(Direction::kMasterToRemote), direction_key(Direction::kRemoteToMaster)},
           "whose kicks are counted: the sender's")
           .needed()
           .eg("direction: master_to_remote"),
       config::Key::choice("action", {"drop", "duplicate", "delay"}, "what happens to the kick")
           .needed()
           .eg("action: drop"),
       nth_key("the kick it happens to").needed().eg("nth: 2"),
       config::Key::time("delay", "how long a `delay` holds the kick back (only with action: "
                                  "delay)")
           .at_least(1)
           .eg("delay: 5ms")});
  return keys;
}

std::unique_ptr<Fault> mailbox(const config::KeyReader& body, const models::BoardConfig&) {
  const Direction direction = body.choice<Direction>(
      "direction", {{direction_key(Direction::kMasterToRemote), Direction::kMasterToRemote},
                    {direction_key(Direction::kRemoteToMaster), Direction::kRemoteToMaster}});
  const models::KickFault action =
      body.choice<models::KickFault>("action", {{"drop", models::KickFault::kDrop},
                                                {"duplicate", models::KickFault::kDuplicate},
                                                {"delay", models::KickFault::kDelay}});
  const unsigned nth = body.small_uint("nth");
  Picoseconds delay = 0;
  if (action == models::KickFault::kDelay) {
    if (!body.has("delay")) body.node().fail("action: delay needs a delay (e.g. delay: 5ms)");
    delay = body.time("delay");
  } else if (body.has("delay")) {
    body.at("delay").fail("only action: delay takes a delay");
  }
  return std::make_unique<MailboxKick>(direction, action, nth, delay);
}

} // namespace sim::app::fault_kinds

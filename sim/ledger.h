// SPDX-License-Identifier: Apache-2.0
#pragma once
// The message ledger: every application message is accounted exactly once, from the probes the
// software emits. A message is `delivered` when the receiver saw the sender's payload digest,
// `corrupted` when it saw different bytes, `dropped` (with the reason) when software reported
// dropping it, and `in_flight` when it was sent but nothing happened to it before the run ended.
// Latency is from the send probe to the receive probe. The same (endpoint, id) sent again (the
// stock responder echoing one message twice) is a second message on the wire: each receive
// probe is matched to the oldest copy not yet received. A receive with no copy waiting is held
// for a send probe that comes late (a sender probing after its send call returned); one still
// unmatched at the end is `unexpected`.

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "models/cpu/probe_sink.h"
#include "sim/message_stages.h"

namespace sim::app {

/// The parts of a "cluster/thread" name (Ledger::Record::sender, receiver).
inline std::string cluster_of(const std::string& who) {
  return who.substr(0, who.find('/'));
}
inline std::string thread_of(const std::string& who) {
  const auto slash = who.find('/');
  return slash == std::string::npos ? "" : who.substr(slash + 1);
}

struct LedgerSummary {
  std::uint64_t sent = 0;
  std::uint64_t delivered = 0;
  std::uint64_t dropped = 0;
  std::uint64_t corrupted = 0;
  std::uint64_t in_flight = 0;
  /// Receive probes that match no sent copy (a duplicate or a message out of nowhere).
  std::uint64_t unexpected = 0;
  /// Drop probes that match no open copy (software dropping the same message twice, or one it
  /// had already delivered).
  std::uint64_t unexpected_drops = 0;
  std::map<std::string, std::uint64_t> drops;
  /// Percentiles over delivered and corrupted messages, in picoseconds.
  std::uint64_t latency_p50_ps = 0;
  std::uint64_t latency_p99_ps = 0;
  std::uint64_t latency_max_ps = 0;
};

class Ledger : public models::ProbeSink {
public:
  struct Message {
    std::string endpoint;
    std::string sender;
    std::uint64_t digest = 0;
    std::uint32_t length = 0;
    std::uint64_t sent_ps = 0;
    bool received = false;
    std::string receiver; ///< "cluster/thread" that took it
    std::uint64_t received_ps = 0;
    std::uint64_t received_digest = 0;
    std::string drop_reason;
    std::uint64_t dropped_ps = 0;
    /// Where it spent its time (message_stages.h).
    StageTimes stages;
  };

  /// One message copy, flattened for the report.
  struct Record {
    std::string endpoint;
    std::uint64_t id = 0;
    std::string sender;
    std::uint32_t length = 0;
    std::uint64_t sent_ps = 0;
    std::string state;             ///< delivered | corrupted | dropped | in_flight
    std::uint64_t received_ps = 0; ///< delivered and corrupted only
    std::string receiver;          ///< delivered and corrupted only: "cluster/thread"
    std::string reason;            ///< dropped only
    std::uint64_t dropped_ps = 0;  ///< dropped only
    StageTimes stages;
  };

  void on_probe(const std::string& cluster, const std::string& thread, const hal::ProbeEvent& event,
                std::uint64_t time_ps) override;
  /// `sender` wrote the mailbox doorbell (stage timing).
  void on_kick(const std::string& sender, std::uint64_t time_ps) {
    stages_.on_kick(sender, time_ps);
  }
  /// The mailbox RX interrupt pin of `receiver` changed level (stage timing).
  void on_rx_irq(const std::string& receiver, bool level, std::uint64_t time_ps) {
    stages_.on_rx_irq(receiver, level, time_ps);
  }
  LedgerSummary summary() const;
  /// Every copy, in send order (ties: endpoint, id).
  std::vector<Record> records() const;
  /// Messages are identified by the endpoint (application channel) and the sender's id, so two
  /// applications numbering their messages from 1 do not collide.
  using Key = std::pair<std::string, std::uint64_t>;
  /// Every copy sent under a key, in send order (a deque: the stage tracker keeps pointers).
  const std::map<Key, std::deque<Message>>& messages() const { return messages_; }
  const std::vector<std::string>& notes() const { return notes_; }

private:
  /// The oldest copy under `key` neither received nor dropped.
  Message* oldest_open(const Key& key);

  struct Received {
    std::uint64_t time_ps;
    std::uint64_t digest;
    std::string receiver;
  };

  std::map<Key, std::deque<Message>> messages_;
  std::map<Key, std::vector<Received>> orphans_;
  std::uint64_t unexpected_drops_ = 0;
  std::vector<std::string> notes_;
  StageTracker stages_;
};

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
#pragma once
// The message ledger (DESIGN §5): every application message accounted exactly once, from what
// travels, never from configuration.
//
// Identity. A message is what the sending stack was asked to send at its entry point (rpmsg
// header src, dst, the payload's length and digest), numbered in send order; what the stack then
// wrote into its TX buffer is the message on the wire. The ledger ties later events to it by the
// buffer: each publish puts the message at the back of its buffer address's queue, each take by
// the receiving stack removes the front one (a ring is a FIFO, so this is exact even when a
// buffer is published twice before it is read). Delivery is judged on what the receiving stack
// read (through its cache): bytes that differ from the wire's make the message `corrupted`, and
// the ledger names whose bytes they were when it knows (`read_as`).
//
// Two levels. Transport: sent -> in the ring -> taken by the receiving stack -> handed to an
// endpoint callback, or dropped on the way (no_tx_buffer, tx_timeout, send_failed, truncated,
// no_recipient, too_big, stuck_in_ring). Application: an application that keeps a message past
// its callback (a slot, a queue, a held buffer) reports it held, consumed or dropped (with its
// reason); a message handed to one that reports nothing is delivered by its callback.
//
// At the end (finish) a message still moving is `in_flight` and says where it is; one in a ring
// the receiver will not look at again (it looked after the publish and stopped, no notification
// is pending, it halted, or its software restarted since) is dropped `stuck_in_ring`; one held
// by software that restarted since is dropped `lost_in_reset`. Name-service messages (to address
// 53) are control traffic: they label channels and are not counted. Echoes pair with their request
// by payload (the reply carries the request's bytes, possibly after a prefix) and endpoint pair.

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/cpu/probe_sink.h"
#include "sim/ledger/message_stages.h"
#include "sw/hal/side.h"

namespace sim::app {

/// A thread on one side: who sent, took, consumed or dropped a message.
struct Actor {
  Side side = Side::kMaster;
  std::string thread; ///< empty: the side as a whole (a message lost where no thread had it)
  /// "master/kworker", or "master" for the side as a whole.
  std::string text() const {
    return thread.empty() ? side_name(side) : std::string(side_name(side)) + "/" + thread;
  }
  bool operator==(const Actor& o) const { return side == o.side && thread == o.thread; }
  bool operator!=(const Actor& o) const { return !(*this == o); }
};

/// An optional actor's text, "" for none.
inline std::string actor_text(const std::optional<Actor>& a) {
  return a ? a->text() : std::string();
}

/// Message counts of one channel in one direction (and of all messages).
struct MessageCounts {
  std::uint64_t sent = 0;
  std::uint64_t delivered = 0;
  std::uint64_t dropped = 0;
  std::uint64_t corrupted = 0;
  std::uint64_t in_flight = 0;
  /// Of the sent, replies that carry a message received from the other side (echoes; a reply
  /// repeating one counts too).
  std::uint64_t echoes = 0;
  std::map<std::string, std::uint64_t> drops;
};

struct LedgerSummary : MessageCounts {
  /// Receptions of a buffer nothing was published in (a ring entry read twice); `read_as` gives
  /// whose bytes they were, 0 when nobody's.
  std::uint64_t unexpected = 0;
  std::vector<std::uint64_t> unexpected_read_as;
  /// Application reports (held, consumed, dropped) that match no message it was handed.
  std::uint64_t unexpected_drops = 0;
  /// Name-service messages (not counted above).
  std::uint64_t control = 0;
  /// Where the in-flight messages are, by place ("in vring1, a notification pending").
  std::map<std::string, std::uint64_t> in_flight_where;
  /// Percentiles over delivered and corrupted messages (send -> receive), in picoseconds.
  std::uint64_t latency_p50_ps = 0;
  std::uint64_t latency_p99_ps = 0;
  std::uint64_t latency_max_ps = 0;
};

/// Message counts per (channel, direction).
using ChannelCounts = std::map<std::pair<std::string, Direction>, MessageCounts>;

class Ledger : public models::ProbeSink {
public:
  /// One message, flattened for reports, traces and expectations.
  struct Record {
    std::uint64_t id = 0; ///< 1-based, in send order
    std::string channel;  ///< name-service name, a bare program's name, or "0x400->0x401"
    Direction direction = Direction::kMasterToRemote;
    Actor sender;                  ///< the thread that called send
    std::optional<Actor> receiver; ///< the thread whose stack took it (none while nobody did)
    /// Who received it: the application thread that consumed it, else the stack's thread whose
    /// callback did (none while nobody did).
    std::optional<Actor> consumer;
    std::uint32_t src = 0; ///< rpmsg header
    std::uint32_t dst = 0;
    std::uint32_t length = 0;        ///< payload bytes asked for
    std::uint64_t buffer = 0;        ///< where it was published (0: never)
    std::string state;               ///< delivered | corrupted | dropped | in_flight
    std::string reason;              ///< dropped: why
    std::optional<Actor> dropped_by; ///< dropped: where (the receiving side for stuck ones)
    std::string where;               ///< in_flight: where it sits
    std::uint64_t sent_ps = 0;
    std::uint64_t received_ps = 0; ///< delivered and corrupted
    std::uint64_t dropped_ps = 0;  ///< dropped
    std::uint64_t read_as = 0;     ///< corrupted: the message whose bytes were read (0: none)
    std::uint64_t echo_of = 0;     ///< a reply: the request it carries
    bool echo_repeat = false;      ///< ... which an earlier reply already carried
    StageTimes stages;
  };

  /// A message goes from the side that sent it to the other.
  Ledger() = default;

  void on_probe(Side side, const std::string& thread, const hal::ProbeEvent& event,
                std::uint64_t time_ps) override;
  /// `sender` wrote the mailbox doorbell; `delivered` false when the mailbox lost it.
  void on_kick(Side sender, bool delivered, std::uint64_t time_ps);
  /// The mailbox RX interrupt pin of `receiver` changed level.
  void on_rx_irq(Side receiver, bool level, std::uint64_t time_ps);

  /// Ends the run at `end_ps` (once, before summary and records): decides what is left.
  /// `halted`: sides whose cluster stopped running (a panic).
  void finish(std::uint64_t end_ps, const std::vector<Side>& halted);
  /// Every application message, in send order (after finish).
  std::vector<Record> records() const;
  /// The totals over `records` (this ledger's) and the ledger's own counters.
  LedgerSummary summary(const std::vector<Record>& records) const;
  LedgerSummary summary() const { return summary(records()); }
  const std::vector<std::string>& notes() const { return notes_; }

private:
  enum class Phase : std::uint8_t { kSending, kBuffered, kInRing, kTaken, kHanded, kHeld, kDone };
  enum class State : std::uint8_t { kInFlight, kDelivered, kCorrupted, kDropped };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint64_t kNoMessage = UINT64_MAX;

  struct Message {
    std::uint64_t index = 0; ///< position in messages_
    std::uint64_t id = 0;    ///< application messages, numbered by finish(); 0 for the others
    Side sender = Side::kMaster;
    Side receiver = Side::kRemote;
    std::uint32_t sender_thread = kNone;
    std::uint32_t receiver_thread = kNone;
    std::uint32_t consumer_thread = kNone; ///< the application thread that took it
    std::uint32_t dropped_by = kNone;      ///< thread index
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::uint32_t length = 0;
    std::uint64_t digest = 0;
    std::uint32_t wire_length = 0; ///< as published (after truncation)
    std::uint64_t wire_digest = 0;
    std::uint64_t buffer = 0;
    std::uint32_t bare_name = kNone; ///< strings_ index: a bare program's channel
    std::uint32_t ring = kNone;      ///< strings_ index: where it was published
    std::uint32_t where = kNone;     ///< strings_ index: where the application keeps it
    std::uint32_t reason = kNone;    ///< strings_ index: the drop reason
    std::uint32_t waiting = kNone;   ///< strings_ index: in a ring at the end, what it waits for
    bool control = false;            ///< a name-service message
    /// A take of a buffer nothing was published in: what the receiver read is kept (its
    /// application may report on it) but it is no message anybody sent.
    bool phantom = false;
    Phase phase = Phase::kSending;
    State state = State::kInFlight;
    std::uint64_t sent_ps = 0;
    /// When it was published and taken in host order (the ledger's event count): "after" across
    /// sides, whose local clocks are decoupled by up to a quantum.
    std::uint64_t publish_seq = 0;
    std::uint64_t take_seq = 0;
    std::uint64_t handed_ps = 0;
    std::uint64_t received_ps = 0;
    std::uint64_t dropped_ps = 0;
    std::uint64_t read_digest = 0; ///< what the receiving stack read
    std::uint32_t read_length = 0;
    std::uint64_t read_as = kNoMessage; ///< index of the message whose bytes were read
    std::uint64_t echo_of = kNoMessage; ///< index of the request a reply carries
    bool echo_repeat = false;           ///< ... which an earlier reply carried already
    StageTimes stages;
  };

  /// A buffer a receiving thread took, and the message (or phantom) it holds.
  struct Reading {
    std::uint64_t index;
    std::uint64_t buffer;
  };

  /// Per side, in host order (seq_): what tells whether a message left in its receive ring
  /// will still be taken, and whether a notification it sent is still on its way.
  struct ClusterState {
    std::uint64_t last_idle_seq = 0; ///< its receive loop last stopped
    std::uint64_t last_take_seq = 0;
    std::uint64_t last_irq_seq = 0;  ///< its RX pin last rose
    std::uint64_t last_boot_seq = 0; ///< its software last (re)started
    bool irq_high = false;
    std::uint64_t kicks_requested = 0; ///< notifications its driver accepted (kKick)
    std::uint64_t kicks_written = 0;   ///< doorbells its mailbox terminal sent
    std::uint64_t last_kick_request_seq = 0;
  };

  // Transport (ledger.cpp).
  void tx_start(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void tx_buffer(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void tx_published(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void tx_failed(std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  /// The software of `side` restarted: what it was sending, had taken or kept is lost.
  void rebooted(Side side, std::uint64_t t);
  void rx_taken(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void rx_handed(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void rx_dropped(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  /// What `thread` took, if it is `buffer` (a stack reports the buffer it reads).
  const Reading* reading(std::uint32_t thread, std::uint64_t buffer) const;
  /// The message whose wire bytes `reader` read instead of its own (an index; kNoMessage if
  /// none): the newest published with them, of the same endpoints when there is one.
  std::uint64_t whose_bytes(std::uint64_t digest, std::uint32_t length,
                            const Message& reader) const;
  /// The application id of the message at `index` (0 for none).
  std::uint64_t id_of(std::uint64_t index) const;
  // Application level and echoes (ledger_app.cpp).
  void app_event(Side side, std::uint32_t thread, const hal::ProbeEvent& e, std::uint64_t t);
  void add_echo_candidate(Message& request);
  void remove_echo_candidate(const Message& request);
  void pair_echo(Message& reply, const hal::ProbeEvent& e);
  void learn_name(const Message& m, const hal::ProbeEvent& e);

  std::uint32_t thread_index(Side side, const std::string& thread);
  std::uint32_t intern(std::string_view text);
  Message& new_message(Side side, std::uint32_t thread, std::uint64_t t);
  void drop(Message& m, std::string_view reason, std::uint32_t by, std::uint64_t t);
  std::string label(const Message& m) const;
  std::string where_in_flight(const Message& m) const;
  /// Why a message still in its ring at the end will be taken (nullptr: nothing will take it).
  const char* still_pending(const Message& m) const;
  Record record(const Message& m) const;

  PerSide<std::unordered_map<std::string, std::uint32_t>> thread_ids_;
  std::vector<Actor> threads_; ///< by thread index
  std::vector<std::string> strings_;

  std::deque<Message> messages_; ///< by index (a deque: the tracker keeps pointers)
  std::unordered_map<std::uint32_t, std::uint64_t> sending_; ///< thread -> message index
  std::unordered_map<std::uint32_t, Reading> reading_;       ///< thread -> what it took
  /// thread -> the message it last published (a publish the stack then reports failed).
  std::unordered_map<std::uint32_t, std::uint64_t> last_published_;
  std::unordered_map<std::uint64_t, std::deque<std::uint64_t>> in_ring_; ///< buffer -> queue
  /// Published messages by wire digest (who a corrupted read was really from).
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> by_digest_;
  /// Handed messages an application may still report on, by (side, endpoint address).
  std::map<std::pair<Side, std::uint32_t>, std::deque<std::uint64_t>> app_pending_;
  /// Requests an echo may carry: by (receiving side, its endpoint, the sender's endpoint),
  /// then payload length, then digest: the ones no reply carried yet, oldest first, and the
  /// last one a reply did carry (a reply repeated).
  struct EchoCandidates {
    std::deque<std::uint64_t> unpaired;
    std::uint64_t last_paired = kNoMessage;
  };
  using EchoIndex = std::map<std::uint32_t, std::unordered_map<std::uint64_t, EchoCandidates>>;
  std::map<std::tuple<Side, std::uint32_t, std::uint32_t>, EchoIndex> echo_candidates_;
  /// Name-service names by (announcing side, address).
  std::map<std::pair<Side, std::uint32_t>, std::string> names_;
  PerSide<ClusterState> state_;
  std::uint64_t seq_ = 0; ///< events seen so far: host order
  PerSide<bool> halted_;
  std::uint64_t unexpected_drops_ = 0;
  std::vector<std::string> notes_;
  NotificationTracker notifications_;
  bool finished_ = false;
};

/// Counts `records` per channel and direction.
ChannelCounts count_channels(const std::vector<Ledger::Record>& records);

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where each message spends its time (timing analysis, issue "100 vs 3"): the stages a message
// passes from the sending application to the receiving one, stamped from the stacks' stage probes
// (hal::Stage), the mailbox's interrupt pin and the applications' own probes.
//
// The stacks do not know application message ids, so stages are tied to messages like this:
// - the sender's stages (send call, buffer) by the thread: the send attempt a thread starts
//   belongs to the message that thread probes as sent (just before its send call, or just after
//   it with `after_send`);
// - later stages by the buffer address: publish and the receiver's drain and callback name it;
// - kick, interrupt and ISR by order: a kick (the mailbox model's doorbell write) notifies every
//   buffer its side published before it;
//   the receiver's RX pin rising (or already high at the kick) raises them; its next RX ISR takes
//   them.
// A stage is recorded only while no later one is: a message the receiver drained before its own
// kick arrived (the ISR of an earlier kick found it) keeps no kick, irq and isr, and its time goes
// to the interval publish -> drain. Pure C++.

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sw/hal/probe.h"

namespace sim::app {

enum class MessageStage : unsigned {
  kSend,     ///< the sending application called send (or the stack's send entry point)
  kBuffer,   ///< the sender's stack holds a TX buffer
  kPublish,  ///< the buffer is in the ring the receiver reads
  kKick,     ///< the doorbell that notifies it was written
  kIrq,      ///< the receiver's mailbox RX interrupt pin is raised
  kIsr,      ///< the receiver's mailbox ISR took the notification
  kDrain,    ///< the receiver's stack took the buffer from the ring
  kCallback, ///< the endpoint callback was called with it
  kReceive,  ///< the receiving application took the message
};
constexpr unsigned kMessageStageCount = 9;

/// `send`, `buffer`, `publish`, `kick`, `irq`, `isr`, `drain`, `callback`, `receive`.
const char* stage_name(MessageStage stage);

/// The stages one message passed, with their times (picoseconds).
struct StageTimes {
  std::array<std::uint64_t, kMessageStageCount> ps{};
  std::uint16_t seen = 0;

  bool has(MessageStage s) const { return (seen & bit(s)) != 0; }
  std::uint64_t at(MessageStage s) const { return ps[static_cast<unsigned>(s)]; }
  /// Records `s` at `t` unless it, or a later stage, is already recorded. A time before the
  /// latest earlier stage (another core's decoupled clock) is raised to it.
  bool record(MessageStage s, std::uint64_t t);

private:
  static std::uint16_t bit(MessageStage s) {
    return static_cast<std::uint16_t>(1u << static_cast<unsigned>(s));
  }
};

class StageTracker {
public:
  /// A stack stage probe from `cluster`'s thread `thread`.
  void on_stage(const std::string& cluster, const std::string& thread, const hal::ProbeEvent& event,
                std::uint64_t time_ps);
  /// The application on `cluster`/`thread` probed a message as sent; `times` is that message's
  /// record (kept alive and in place by the caller for the whole run).
  void on_message_sent(const std::string& cluster, const std::string& thread, StageTimes& times,
                       std::uint64_t time_ps, bool after_send);
  /// `sender` wrote the mailbox doorbell (from the model, at the write's issue time).
  void on_kick(const std::string& sender, std::uint64_t time_ps);
  /// The mailbox RX interrupt pin of `receiver` changed level (from the model).
  void on_rx_irq(const std::string& receiver, bool level, std::uint64_t time_ps);

private:
  /// One send through a stack: a message's stage record once the application's probe names it,
  /// else the tracker's own (an NS announcement, a send the applications do not account).
  struct Flight {
    StageTimes own;
    StageTimes* times = &own;
    bool linked = false;
  };
  using ThreadKey = std::pair<std::string, std::string>;

  Flight& start_flight(const ThreadKey& thread, std::uint64_t time_ps);
  static void link(Flight& flight, StageTimes& times);
  /// The flights `cluster`'s peers sent towards it, from `lists`.
  template <typename Fn> void for_peers(const std::string& cluster, Fn&& fn);

  struct SenderState {
    std::map<std::uint64_t, Flight*> by_buffer;
    std::vector<Flight*> awaiting_kick;
    std::vector<Flight*> awaiting_irq;
    std::vector<Flight*> awaiting_isr;
  };

  std::deque<Flight> flights_;
  std::map<ThreadKey, Flight*> current_;       ///< each thread's latest send attempt
  std::map<ThreadKey, StageTimes*> pending_;   ///< probed before its send call, not yet tied
  std::map<std::string, SenderState> senders_; ///< by sending cluster
  std::map<std::string, bool> rx_pin_high_;    ///< by receiving cluster
};

} // namespace sim::app

// SPDX-License-Identifier: Apache-2.0
#pragma once
// Where each message spends its time (timing analysis, issue "100 vs 3"): the stages a message
// passes from the sending stack's entry point to the receiving application. The ledger stamps the
// stages the stacks report for a message itself (send, buffer, publish, drain, callback,
// receive); the notification stages have no message on them and are tied by order here:
// - a kick (the mailbox model's doorbell write) notifies every message its side published before
//   it; a kick the mailbox lost (or the driver never got out) notifies none, and each message
//   still waiting counts it as lost;
// - the receiver's RX pin rising (or already high at the kick) raises the kicked messages;
// - its next RX interrupt handler takes them.
// A stage is recorded only while no later one is: a message the receiver drained before its own
// kick arrived (the handler of an earlier kick found it) keeps no kick, irq and isr, and its time
// goes to the interval publish -> drain. Pure C++.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sw/hal/side.h"

namespace sim::app {

enum class MessageStage : unsigned {
  kSend,     ///< the sending stack's send entry point
  kBuffer,   ///< the sender's stack holds a TX buffer
  kPublish,  ///< the buffer is in the ring the receiver reads
  kKick,     ///< the doorbell that notifies it was written
  kIrq,      ///< the receiver's mailbox RX interrupt pin is raised
  kIsr,      ///< the receiver's mailbox ISR took the notification
  kDrain,    ///< the receiver's stack took the buffer from the ring
  kCallback, ///< the endpoint callback was called with it
  kReceive,  ///< the receiving application took it (the callback, unless it keeps it for later)
};
constexpr unsigned kMessageStageCount = 9;

/// `send`, `buffer`, `publish`, `kick`, `irq`, `isr`, `drain`, `callback`, `receive`.
const char* stage_name(MessageStage stage);

/// The stages one message passed, with their times (picoseconds).
struct StageTimes {
  std::array<std::uint64_t, kMessageStageCount> ps{};
  std::uint16_t seen = 0;
  /// Notifications lost while it waited for one (the kick stage is the one that got through).
  std::uint16_t kicks_lost = 0;

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

/// Ties the notification stages (kick, irq, isr) to the messages published before them.
class NotificationTracker {
public:
  /// `sender` published the message whose record is `times` (kept in place by the caller).
  void on_published(Side sender, StageTimes& times);
  /// `sender` wrote the mailbox doorbell (`delivered` false: the mailbox lost it).
  void on_kick(Side sender, bool delivered, std::uint64_t time_ps);
  /// `sender`'s driver failed to send a notification at all (its queue was full, the mailbox
  /// busy): the messages waiting count a lost kick.
  void on_kick_lost(Side sender);
  /// The mailbox RX interrupt pin of `receiver` changed level.
  void on_rx_irq(Side receiver, bool level, std::uint64_t time_ps);
  /// `receiver`'s mailbox interrupt handler took a notification.
  void on_isr(Side receiver, std::uint64_t time_ps);

private:
  struct SenderState {
    std::vector<StageTimes*> awaiting_kick;
    std::vector<StageTimes*> awaiting_irq;
    std::vector<StageTimes*> awaiting_isr;
  };
  PerSide<SenderState> senders_;
  PerSide<bool> rx_pin_high_; ///< by receiving side
};

} // namespace sim::app

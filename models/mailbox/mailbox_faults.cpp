// SPDX-License-Identifier: Apache-2.0
// MailboxLink fault injection: drop, duplicate or delay the nth message of a sender.
#include "models/mailbox/mailbox_link.h"

#include <stdexcept>

namespace sim::models {
namespace {

std::vector<std::uint32_t> drain(WordFifo& fifo) {
  std::vector<std::uint32_t> words;
  while (!fifo.empty()) words.push_back(fifo.pop());
  return words;
}

} // namespace

std::size_t MailboxLink::add_kick_fault(Terminal sender, unsigned nth, KickFault action) {
  if (nth == 0) throw std::invalid_argument("mailbox fault: nth counts from 1");
  faults_.push_back({sender, nth, action});
  return faults_.size() - 1;
}

void MailboxLink::apply_kick_faults(Terminal sender) {
  Side& s = side(sender);
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    const Fault& f = faults_[i];
    if (f.sender != sender || f.nth != s.stats.messages) continue;
    if (fault_fired_) fault_fired_(i);
    const unsigned t = static_cast<unsigned>(sender);
    switch (f.action) {
    case KickFault::kDrop:
      s.cmd.clear();
      s.data.clear();
      // As if the peer had read them: the sender's driver must not wait forever.
      s.tx_done = true;
      ++s.stats.tx_done_events;
      ++s.stats.fault_dropped;
      break;
    case KickFault::kDuplicate: {
      // The command words (the kick) twice; data words once.
      const std::vector<std::uint32_t> cmd = drain(s.cmd);
      for (int copy = 0; copy < 2; ++copy)
        for (std::uint32_t w : cmd) s.cmd.push(w); // beyond the FIFO's depth: lost, as in hardware
      ++s.stats.fault_duplicated;
      break;
    }
    case KickFault::kDelay:
      held_[t] = true;
      ++s.stats.fault_delayed;
      break;
    }
  }
}

void MailboxLink::deliver_held(Terminal sender) {
  held_[static_cast<unsigned>(sender)] = false;
  update();
}

} // namespace sim::models

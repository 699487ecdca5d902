// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one mapping between the RPMsg sides and the mailbox's terminals, as the TCC807x wires them
// (tcc807x-mailbox.md): the remote's (MP) window is terminal A, the master's (SP) terminal B.
// Header-only and SystemC-free: the platform and the fake board both wire by it.

#include "models/mailbox/mailbox_link.h"
#include "sw/hal/side.h"

namespace sim::models {

/// The terminal a side writes and is interrupted by.
constexpr Terminal mailbox_terminal(Side side) {
  return side == Side::kMaster ? Terminal::kB : Terminal::kA;
}

/// The side a terminal belongs to.
constexpr Side side_of(Terminal t) {
  return t == Terminal::kB ? Side::kMaster : Side::kRemote;
}

} // namespace sim::models

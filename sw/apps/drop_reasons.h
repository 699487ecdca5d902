// SPDX-License-Identifier: Apache-2.0
#pragma once
// Why an application message was dropped: the reasons the applications report to the ledger and
// that scenarios name in `expect: drops:`. One list, so an expectation naming a reason nobody
// reports is an input error rather than a silent 0.

#include <array>
#include <string_view>

namespace sim::sw::apps::drop {

inline constexpr std::string_view kNoTxBuffer = "no_tx_buffer";          ///< trysend: -ENOMEM
inline constexpr std::string_view kTxTimeout = "tx_timeout";             ///< send gave up waiting
inline constexpr std::string_view kSendFailed = "send_failed";           ///< any other send error
inline constexpr std::string_view kSlotOverwritten = "slot_overwritten"; ///< B8
inline constexpr std::string_view kHeldBufferLeaked = "held_buffer_leaked";   ///< B9
inline constexpr std::string_view kTtyMsgOverwritten = "tty_msg_overwritten"; ///< B9
inline constexpr std::string_view kQueueFull = "queue_full";                  ///< queued responder

inline constexpr std::array<std::string_view, 7> kAll = {
    kNoTxBuffer,       kTxTimeout,         kSendFailed, kSlotOverwritten,
    kHeldBufferLeaked, kTtyMsgOverwritten, kQueueFull};

} // namespace sim::sw::apps::drop

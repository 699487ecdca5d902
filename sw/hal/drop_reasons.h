// SPDX-License-Identifier: Apache-2.0
#pragma once
// Why a message was lost: the reasons software reports in kTxFailed / kRxDropped / kAppDropped
// probes and the ledger adds itself, and that scenarios name in `expect: drops:`. One list, so an
// expectation naming a reason nothing reports is an input error rather than a silent 0.
// (docs/report.md, "The message ledger", says where each comes from.)

#include <array>
#include <string_view>

namespace sim::hal::drop {

// --- transport: the stacks and the ledger -------------------------------------------------------
inline constexpr std::string_view kNoTxBuffer = "no_tx_buffer";  ///< trysend found no TX buffer
inline constexpr std::string_view kTxTimeout = "tx_timeout";     ///< send gave up waiting for one
inline constexpr std::string_view kSendFailed = "send_failed";   ///< any other send error
inline constexpr std::string_view kNoRecipient = "no_recipient"; ///< no endpoint at dst
inline constexpr std::string_view kTooBig = "too_big";           ///< Linux: buffer leaked
inline constexpr std::string_view kTruncated = "truncated";      ///< OpenAMP cut it to the buffer
/// Published, never taken, and nothing left that would make the receiver look (the ledger).
inline constexpr std::string_view kStuckInRing = "stuck_in_ring";
/// The software holding it restarted: the sender's before it published it, the receiver's
/// after it took it (the ledger).
inline constexpr std::string_view kLostInReset = "lost_in_reset";
/// The cluster holding it halted (a panic) before it was published or consumed (the ledger).
inline constexpr std::string_view kLostInHalt = "lost_in_halt";

// --- application: models that keep messages past the endpoint callback -----------------------
inline constexpr std::string_view kSlotOverwritten = "slot_overwritten";      ///< real-bugs B8
inline constexpr std::string_view kHeldBufferLeaked = "held_buffer_leaked";   ///< B9
inline constexpr std::string_view kTtyMsgOverwritten = "tty_msg_overwritten"; ///< B9
inline constexpr std::string_view kQueueFull = "queue_full"; ///< the queued responder

inline constexpr std::array<std::string_view, 13> kAll = {
    kNoTxBuffer,       kTxTimeout,         kSendFailed,  kNoRecipient, kTooBig,
    kTruncated,        kStuckInRing,       kLostInReset, kLostInHalt,  kSlotOverwritten,
    kHeldBufferLeaked, kTtyMsgOverwritten, kQueueFull};

} // namespace sim::hal::drop

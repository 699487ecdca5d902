// SPDX-License-Identifier: Apache-2.0
#pragma once
// Register offsets and bit fields of one TCC807x v2 mailbox terminal window
// (reference/tcc807x-mailbox.md §2.2-2.3; offsets and bit positions are [SRC], identical in five
// drivers). The behaviour behind them lives in MailboxLink's register table.

#include <cstdint>

namespace sim::models::mbox {

inline constexpr std::uint32_t kWindowBytes = 0x100; ///< DT reg size of the TCC807x terminals
inline constexpr unsigned kCmdWindowWords = 8;       ///< 0x00-0x1C and 0x20-0x3C

// Offsets from the terminal base.
inline constexpr std::uint32_t kCmdTxFifo = 0x00;
inline constexpr std::uint32_t kCmdRxFifo = 0x20;
inline constexpr std::uint32_t kCtrl = 0x40;
inline constexpr std::uint32_t kCmdFifoSts = 0x44;
inline constexpr std::uint32_t kDatFifoTxSts = 0x50;
inline constexpr std::uint32_t kDatFifoRxSts = 0x54;
inline constexpr std::uint32_t kDatFifoTxd = 0x60;
inline constexpr std::uint32_t kDatFifoRxd = 0x70;
inline constexpr std::uint32_t kCtrlSet = 0x74;
inline constexpr std::uint32_t kCtrlClr = 0x78;
inline constexpr std::uint32_t kOppositeSts = 0x7C;

// MBOX_CTRL.
inline constexpr std::uint32_t kCtrlIlevelMask = 0x3;
inline constexpr std::uint32_t kIlevelNemp = 0;
inline constexpr std::uint32_t kIlevelGt2 = 1;
inline constexpr std::uint32_t kIlevelGt4 = 2;
inline constexpr std::uint32_t kIlevelFull = 3;
inline constexpr std::uint32_t kCtrlIenRead = 1u << 4;
inline constexpr std::uint32_t kCtrlOen = 1u << 5;
inline constexpr std::uint32_t kCtrlCfFlush = 1u << 6;
inline constexpr std::uint32_t kCtrlDfFlush = 1u << 7;
inline constexpr std::uint32_t kCtrlIenWrite = 1u << 20;
inline constexpr std::uint32_t kCtrlIclrWrite = 1u << 21;
inline constexpr std::uint32_t kCtrlTest = 1u << 31;
/// Write pulses: they act when written 1 and always read back 0.
inline constexpr std::uint32_t kCtrlPulseBits = kCtrlCfFlush | kCtrlDfFlush | kCtrlIclrWrite;
/// Bits that hold state; undefined bits read 0 ([UNK]).
inline constexpr std::uint32_t kCtrlStoredBits =
    kCtrlIlevelMask | kCtrlIenRead | kCtrlOen | kCtrlIenWrite | kCtrlTest;

// MBOX_CMD_FIFO_STS.
inline constexpr std::uint32_t kCmdStsTxEmpty = 1u << 0;
inline constexpr std::uint32_t kCmdStsTxFull = 1u << 1;
inline constexpr unsigned kCmdStsTxCountShift = 4;
inline constexpr std::uint32_t kCmdStsRxEmpty = 1u << 16;
inline constexpr std::uint32_t kCmdStsRxFull = 1u << 17;
inline constexpr unsigned kCmdStsRxCountShift = 20;
inline constexpr std::uint32_t kCmdStsCountMask = 0xF;

// MBOX_DAT_FIFO_TX_STS / MBOX_DAT_FIFO_RX_STS.
inline constexpr std::uint32_t kDatStsEmpty = 1u << 31;
inline constexpr std::uint32_t kDatStsFull = 1u << 30;
inline constexpr std::uint32_t kDatStsCountMask = 0xFFFF;

// MBOX_OPPOSITE_STS.
inline constexpr std::uint32_t kOwnTmnSts = 1u << 0;
inline constexpr std::uint32_t kOppTmnSts = 1u << 16;

} // namespace sim::models::mbox

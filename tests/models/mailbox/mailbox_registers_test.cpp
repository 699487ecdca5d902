// SPDX-License-Identifier: Apache-2.0
// MailboxLink register map: reset values, access kinds, address and size errors, the generated
// documentation table, and configuration validation.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "tests/models/mailbox/mailbox_test_util.h"

namespace sim::models::test {
namespace {

using namespace mbox;
using regs::Status;

constexpr std::uint32_t kCmdStsReset = kCmdStsTxEmpty | kCmdStsRxEmpty;

TEST(MailboxLink, ResetValuesMatchTheReferenceAssumptions) {
  Mbox m;
  for (Terminal t : {kA, kB}) {
    EXPECT_EQ(m.rd(t, kCtrl), 0u);
    EXPECT_EQ(m.rd(t, kCmdFifoSts), kCmdStsReset);
    EXPECT_EQ(m.rd(t, kDatFifoTxSts), kDatStsEmpty);
    EXPECT_EQ(m.rd(t, kDatFifoRxSts), kDatStsEmpty);
    EXPECT_EQ(m.rd(t, kOppositeSts), 0u);
    EXPECT_FALSE(m.link.irq_rx(t));
    EXPECT_FALSE(m.link.irq_tx(t));
    EXPECT_FALSE(m.link.tx_done_latched(t));
  }
}

TEST(MailboxLink, DeclaredResetValuesEqualWhatTheRegistersRead) {
  Mbox m;
  for (const regs::Register& r : m.link.bank(kA).registers()) {
    if (r.spec().access == regs::Access::kWO) continue;
    std::uint32_t v = 0xdeadbeef;
    ASSERT_EQ(m.link.peek(kA, r.spec().offset, v), Status::kOk) << r.spec().name;
    EXPECT_EQ(v, r.spec().reset) << r.spec().name;
  }
}

TEST(MailboxLink, ReadingAWriteOnlyRegisterIsAnAccessError) {
  Mbox m;
  for (std::uint32_t off : {kCmdTxFifo, kCmdTxFifo + 0x1c, kDatFifoTxd, kCtrlSet, kCtrlClr}) {
    std::uint32_t v = 0;
    EXPECT_EQ(m.link.read(kA, off, v), Status::kAccessError) << off;
  }
}

TEST(MailboxLink, WritingAReadOnlyRegisterIsAnAccessErrorAndChangesNothing) {
  Mbox m;
  m.load_cmd(kB, {0x11});
  m.set(kB, kCtrlOen);
  for (std::uint32_t off :
       {kCmdRxFifo, kCmdRxFifo + 0x1c, kCmdFifoSts, kDatFifoTxSts, kDatFifoRxSts, kDatFifoRxd}) {
    EXPECT_EQ(m.link.write(kA, off, 0xffffffff), Status::kAccessError) << off;
  }
  EXPECT_EQ(rx_count(m.rd(kA, kCmdFifoSts)), 1u);
}

TEST(MailboxLink, UnusedOffsetsAreAddressErrors) {
  Mbox m;
  for (std::uint32_t off :
       {0x48u, 0x4cu, 0x58u, 0x5cu, 0x64u, 0x68u, 0x6cu, 0x80u, 0xfcu, 0x100u}) {
    std::uint32_t v = 0;
    EXPECT_EQ(m.link.read(kA, off, v), Status::kAddressError) << off;
    EXPECT_EQ(m.link.write(kB, off, 1), Status::kAddressError) << off;
  }
}

TEST(MailboxLink, SubWordAndUnalignedAccessesAreSizeErrors) {
  Mbox m;
  std::uint32_t v = 0;
  EXPECT_EQ(m.link.read(kA, kCtrl, v, 2), Status::kSizeError);
  EXPECT_EQ(m.link.write(kA, kCtrl, 1, 1), Status::kSizeError);
  EXPECT_EQ(m.link.write(kA, kCmdTxFifo + 2, 1), Status::kSizeError);
  EXPECT_EQ(m.link.write(kA, kCtrl, 1, 8), Status::kSizeError);
  EXPECT_EQ(m.link.tx_cmd_level(kA), 0u);
  EXPECT_EQ(m.rd(kA, kCtrl), 0u);
}

TEST(MailboxLink, BothTerminalsDeclareTheSameRegisterTable) {
  Mbox m;
  EXPECT_EQ(m.link.bank(kA).markdown(), m.link.bank(kB).markdown());
  EXPECT_EQ(m.link.bank(kA).name(), "mailbox.a");
  EXPECT_EQ(m.link.bank(kB).name(), "mailbox.b");
}

TEST(MailboxLink, RegisterNamesAndAccessKindsFollowTheReference) {
  struct Expected {
    const char* name;
    std::uint32_t offset;
    regs::Access access;
    std::uint32_t count;
  };
  const Expected table[] = {
      {"MBOX_CMD_TX_FIFO", 0x00, regs::Access::kWO, 8},
      {"MBOX_CMD_RX_FIFO", 0x20, regs::Access::kRO, 8},
      {"MBOX_CTRL", 0x40, regs::Access::kRW, 1},
      {"MBOX_CMD_FIFO_STS", 0x44, regs::Access::kRO, 1},
      {"MBOX_DAT_FIFO_TX_STS", 0x50, regs::Access::kRO, 1},
      {"MBOX_DAT_FIFO_RX_STS", 0x54, regs::Access::kRO, 1},
      {"MBOX_DAT_FIFO_TXD", 0x60, regs::Access::kWO, 1},
      {"MBOX_DAT_FIFO_RXD", 0x70, regs::Access::kRO, 1},
      {"MBOX_CTRL_SET", 0x74, regs::Access::kWO, 1},
      {"MBOX_CTRL_CLR", 0x78, regs::Access::kWO, 1},
      {"MBOX_OPPOSITE_STS", 0x7c, regs::Access::kRW, 1},
  };
  Mbox m;
  const auto& regs = m.link.bank(kA).registers();
  ASSERT_EQ(regs.size(), std::size(table));
  for (std::size_t i = 0; i < regs.size(); ++i) {
    EXPECT_EQ(regs[i].spec().name, table[i].name);
    EXPECT_EQ(regs[i].spec().offset, table[i].offset) << table[i].name;
    EXPECT_EQ(regs[i].spec().access, table[i].access) << table[i].name;
    EXPECT_EQ(regs[i].spec().count, table[i].count) << table[i].name;
    EXPECT_FALSE(regs[i].spec().doc.empty()) << table[i].name;
    EXPECT_EQ(regs[i].spec().doc.find('|'), std::string::npos) << "breaks the markdown table";
  }
}

// docs/models/mailbox.md carries the table generated from the bank between two markers; this
// test fails when the doc and the declarations drift apart.
TEST(MailboxLink, DocumentationRegisterTableMatchesTheDeclarations) {
  const std::string kBegin = "<!-- register-table:begin (generated from MailboxLink) -->\n";
  const std::string kEnd = "<!-- register-table:end -->";
  std::ifstream in(std::string(IPCSIM_SOURCE_DIR) + "/docs/models/mailbox.md");
  ASSERT_TRUE(in) << "docs/models/mailbox.md missing";
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const auto begin = text.find(kBegin);
  const auto end = text.find(kEnd);
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string table = text.substr(begin + kBegin.size(), end - begin - kBegin.size());
  Mbox m;
  EXPECT_EQ(table, m.link.bank(kA).markdown())
      << "regenerate the table in docs/models/mailbox.md:\n"
      << m.link.bank(kA).markdown();
}

TEST(MailboxLink, RejectsDepthsTheStatusFieldsCannotReport) {
  MailboxConfig zero;
  zero.cmd_depth = 0;
  MailboxConfig too_deep;
  too_deep.cmd_depth = 16;
  MailboxConfig huge_data;
  huge_data.data_depth = 0x10000;
  MailboxConfig indexed_deep;
  indexed_deep.cmd_index_mode = true;
  indexed_deep.cmd_depth = 9;
  EXPECT_THROW(MailboxLink{zero}, std::invalid_argument);
  EXPECT_THROW(MailboxLink{too_deep}, std::invalid_argument);
  EXPECT_THROW(MailboxLink{huge_data}, std::invalid_argument);
  EXPECT_THROW(MailboxLink{indexed_deep}, std::invalid_argument);
}

TEST(MailboxLink, ConfigNameBecomesTheLogComponentOfEachTerminal) {
  MailboxConfig config;
  config.name = "platform.mbox";
  MailboxLink link(config);
  EXPECT_EQ(link.bank(kA).name(), "platform.mbox.a");
  EXPECT_EQ(link.bank(kB).name(), "platform.mbox.b");
}

} // namespace
} // namespace sim::models::test

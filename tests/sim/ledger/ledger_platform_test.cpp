// SPDX-License-Identifier: Apache-2.0
// The ledger's drop reasons whose mechanism needs a remote the real stack would never be: a
// scripted device side on the platform (tests/sw/linux/scripted_remote.h) reporting what it put on
// the wire, Linux's model on the master. One simulation per TEST.
#include <gtest/gtest.h>

#include "sim/ledger/ledger.h"
#include "sw/shm/ns_message.h"
#include "tests/sw/linux/linux_test_util.h"

namespace sim::test {
namespace {

TEST(LedgerPlatform, AHeaderLongerThanItsBufferIsTooBigAndLinuxLeaksTheBuffer) {
  PlatformFixture f(remote_nc_sets());
  f.load_zephyr_table();
  app::Ledger ledger;
  f.platform().cluster(Side::kMaster).set_probe_sink(&ledger);
  f.platform().cluster(Side::kRemote).set_probe_sink(&ledger);
  sw::lnx::LinuxStatus st;
  boot_linux(f, quiet_linux(), {}, st);
  std::unique_ptr<ScriptedRemote> remote;
  boot_remote(f, remote, [](ScriptedRemote& r) {
    r.send_ns("late", 0x401);
    r.hal().sleep(5 * hal::kMs);
    const char text[] = "forty bytes or so, but the header says 600";
    r.send(0x401, 0x400, text, sizeof text, std::uint16_t{600});
  });
  f.run(ms(30));
  ledger.finish(30'000'000'000ull, {});
  const std::vector<app::Ledger::Record> r = ledger.records();

  EXPECT_EQ(st.rx_too_big, 1u);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].direction, Direction::kRemoteToMaster);
  EXPECT_EQ(r[0].channel, "late"); // the remote announced 0x401 as "late"
  EXPECT_EQ(r[0].state, "dropped");
  EXPECT_EQ(r[0].reason, "too_big");
  EXPECT_EQ(actor_text(r[0].dropped_by).rfind("master/", 0), 0u);
}

} // namespace
} // namespace sim::test

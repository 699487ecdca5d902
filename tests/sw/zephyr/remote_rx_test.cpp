// SPDX-License-Identifier: Apache-2.0
// Messages from the (scripted) master through the Zephyr remote: the echo of the stock
// responder, what each OpenAMP release's cache maintenance lets the remote see (real-bugs B1, B3,
// B4), unknown destinations and the release-dependent RX kicks. One simulation per TEST.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "models/cpu/cluster_observer.h"
#include "models/platform/side_terminals.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/shm/layout.h"
#include "tests/support/log_capture.h"
#include "tests/sw/zephyr/test_clients.h"

namespace sim::test {
namespace {

namespace shm = sw::shm;
using sw::apps::ClientSampleResponder;

TEST(ZephyrRx, ClientResponderEchoesAMessage) {
  RemoteRig rig;
  rig.options.console = true;
  ClientSampleResponder app; // console on, like the sample
  rig.boot_remote({&app});
  Messages ns, echo;
  std::uint16_t returned = 0;
  std::uint32_t returned_len = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    ns = collect(m, 1, 50 * hal::kMs);
    m.send(kLinuxAddr, kRemoteAddr, "hello world!");
    echo = collect(m, 1, 50 * hal::kMs);
    returned = m.vring1().used_idx();
    returned_len = m.vring1().used_ring_len(0);
  });
  rig.run_ms(100);

  ASSERT_EQ(ns.size(), 1u);
  ASSERT_EQ(echo.size(), 1u);
  EXPECT_EQ(echo[0].hdr.src, kRemoteAddr);
  EXPECT_EQ(echo[0].hdr.dst, kLinuxAddr); // learnt from the first message
  EXPECT_EQ(echo[0].text(), "hello world!");
  EXPECT_EQ(echo[0].used_len, 512u);
  EXPECT_EQ(returned, 1u);
  EXPECT_EQ(returned_len, 28u); // desc.len = 16 + 12 goes back
  EXPECT_EQ(app.status().msg_cnt, 1u);
  EXPECT_NE(rig.f.console(Side::kRemote).find("[Linux sample client] incoming msg 1: hello world!"),
            std::string::npos)
      << rig.f.console(Side::kRemote);

  // The stack reports what it took and read, and what it published; the application what it
  // did with the message (held in its slot, then consumed by its thread).
  const std::uint64_t digest = hal::payload_digest("hello world!", 12);
  auto taken = rig.probes.of(hal::ProbeKind::kRxTaken);
  auto handed = rig.probes.of(hal::ProbeKind::kRxHanded);
  ASSERT_EQ(taken.size(), 1u);
  ASSERT_EQ(handed.size(), 1u);
  EXPECT_EQ(handed[0].address, taken[0].address);
  EXPECT_EQ(handed[0].src, kLinuxAddr);
  EXPECT_EQ(handed[0].dst, kRemoteAddr);
  EXPECT_EQ(handed[0].length, 12u);
  EXPECT_EQ(handed[0].digest, digest);
  ASSERT_EQ(rig.probes.of(hal::ProbeKind::kAppHeld).size(), 1u);
  auto consumed = rig.probes.of(hal::ProbeKind::kAppConsumed);
  ASSERT_EQ(consumed.size(), 1u);
  EXPECT_EQ(consumed[0].dst, kRemoteAddr);
  EXPECT_EQ(consumed[0].digest, digest);
  // The echo: started, given a buffer, published; the name service's announcement before it.
  auto published = rig.probes.of(hal::ProbeKind::kTxPublished);
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(published[0].dst, 53u);
  EXPECT_EQ(published[1].src, kRemoteAddr);
  EXPECT_EQ(published[1].dst, kLinuxAddr);
  EXPECT_EQ(published[1].digest, digest);
  EXPECT_EQ(published[1].name, "vring0");
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kTxStart).size(), 2u);
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kTxBuffer).size(), 2u);
}

TEST(ZephyrRx, WithDcacheEveryMessageIsSeenAcrossRingWraps) {
  RemoteRig rig;
  ClientSampleResponder app(quiet_client());
  rig.boot_remote({&app});
  std::vector<std::string> echoes;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    for (unsigned n = 0; n < 20; ++n) { // both rings wrap twice (num = 8)
      m.send(kLinuxAddr, kRemoteAddr, numbered(n, 5));
      for (const auto& e : collect(m, 1, 20 * hal::kMs)) echoes.push_back(e.text());
    }
  });
  rig.run_ms(50);
  EXPECT_EQ(echoes, numbered_list(20, 5));
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppDropped).size(), 0u);
  EXPECT_EQ(rig.probes.of(hal::ProbeKind::kAppConsumed).size(), 20u);
}

TEST(ZephyrRx, WithoutDcacheNeitherSideSeesTheOthersUpdates) {
  // B1: the remote cached vring1's avail line (idx 0) while draining after Linux's first kick
  // and never invalidates it; its own used-ring updates stay in its cache.
  RemoteRig rig(kTableUncached);
  rig.options.dcache = false;
  ClientSampleResponder app(quiet_client());
  rig.boot_remote({&app});
  bool announced = false;
  Messages published;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    announced = m.wait_kick(20 * hal::kMs);
    published = m.receive(); // "uhm, incoming signal, but no used buffer ?"
    m.send(kLinuxAddr, kRemoteAddr, "hello world!");
    m.wait_kick(20 * hal::kMs);
  });
  rig.run_ms(50);

  EXPECT_TRUE(announced);
  EXPECT_TRUE(published.empty());
  EXPECT_GE(rig.status.ipm_interrupts, 2u); // the remote was told about the message...
  EXPECT_EQ(rig.status.rx_buffers, 0u);     // ...and never found it
  EXPECT_EQ(app.status().callbacks, 0u);
}

TEST(ZephyrRx, V2021_10ConsumesTheWrongBufferFromAStaleRingLine) {
  // B3 with num = 32: avail.ring[30..31] live in another line than avail.idx and ring[0], and
  // v2021.10 only ever invalidates ring[0]. With align 16 that line also holds the head of the
  // used ring, which the remote read (used.idx) at its first return: ring[30] is stale from then
  // on. 48-byte payloads make desc.len a whole line, so the pre-v2023.04 dirty `reserved` line
  // (B4) stays out of the picture.
  shm::ZephyrTableParams table = PlatformFixture::reference_table();
  table.vring_num = 32;
  RemoteRig rig(kTableUncached, table);
  rig.options.release = "v2021.10";
  // The drain's closing NULL invalidate would fault at VA 0 (below): off, to see the ring alone.
  rig.options.openamp_features["null_buffer_invalidate"] = false;
  Sink sink;
  rig.boot_remote({&sink.app});
  ScriptedMasterConfig cfg;
  cfg.vring_num = 32;
  cfg.rx_buffers = cfg.rx_posted = 4;
  cfg.tx_buffers = 16;
  rig.boot_master(
      [&](ScriptedMaster& m, hal::Hal&) {
        // Linux's free list hands out descriptors in another order on the second lap.
        m.set_desc_for([](unsigned n) { return (n % 32 + n / 32) % 32; });
        stream_to_sink(m, 64, 48);
      },
      cfg);
  rig.run_ms(50);

  const std::vector<std::string> expected = numbered_list(64, 48);
  ASSERT_EQ(sink.received.size(), 64u);
  EXPECT_EQ(std::vector<std::string>(sink.received.begin(), sink.received.begin() + 30),
            std::vector<std::string>(expected.begin(), expected.begin() + 30));
  // ring[30] still reads 0 (the cleared ring): descriptor 0, whose buffer now holds m16.
  EXPECT_EQ(sink.received[30], expected[16]);
  const std::set<std::string> distinct(sink.received.begin(), sink.received.end());
  EXPECT_LT(distinct.size(), 64u); // a buffer consumed twice, so another message never seen
}

TEST(ZephyrRx, V2022_04ReadsEveryRingEntryAfterTheFix) {
  shm::ZephyrTableParams table = PlatformFixture::reference_table();
  table.vring_num = 32;
  RemoteRig rig(kTableUncached, table);
  rig.options.release = "v2022.04";
  rig.options.openamp_features["null_buffer_invalidate"] = false;
  Sink sink;
  rig.boot_remote({&sink.app});
  ScriptedMasterConfig cfg;
  cfg.vring_num = 32;
  cfg.rx_buffers = cfg.rx_posted = 4;
  cfg.tx_buffers = 16;
  rig.boot_master(
      [&](ScriptedMaster& m, hal::Hal&) {
        m.set_desc_for([](unsigned n) { return (n % 32 + n / 32) % 32; });
        stream_to_sink(m, 64, 48);
      },
      cfg);
  rig.run_ms(50);
  EXPECT_EQ(sink.received, numbered_list(64, 48));
}

TEST(ZephyrRx, BeforeV2023_04TheDirtyReservedLineComesBackOverTheNextMessage) {
  // B4: v2022.04 writes `reserved = idx` into the RX buffer and returns it without maintenance.
  // When Linux reuses the buffer (9th message, 8 TX buffers), the remote's invalidate of the
  // short message cleans the partial line first (arm64 DC CIVAC), writing its stale copy over
  // Linux's new message, and then reads the old one back.
  RemoteRig rig(kTableUncached);
  rig.options.release = "v2022.04";
  rig.options.openamp_features["null_buffer_invalidate"] = false;
  Sink sink;
  rig.boot_remote({&sink.app});
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) { stream_to_sink(m, 10, 5); });
  rig.run_ms(30);
  ASSERT_EQ(sink.received.size(), 10u);
  EXPECT_EQ(sink.received[7], numbered(7, 5));
  EXPECT_EQ(sink.received[8], numbered(0, 5));
  EXPECT_EQ(sink.received[9], numbered(1, 5));
}

TEST(ZephyrRx, V2023_04InvalidatesOnReturnAndReadsTheNewMessage) {
  RemoteRig rig(kTableUncached);
  rig.options.release = "v2023.04";
  Sink sink;
  rig.boot_remote({&sink.app});
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) { stream_to_sink(m, 10, 5); });
  rig.run_ms(30);
  EXPECT_EQ(sink.received, numbered_list(10, 5));
}

TEST(ZephyrRx, MessageToAnUnknownAddressIsDroppedAndItsBufferReturned) {
  RemoteRig rig;
  ClientSampleResponder app(quiet_client());
  rig.boot_remote({&app});
  bool returned = false;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    m.send(kLinuxAddr, 0x999, "nobody");
    returned = m.wait_tx_returned(1, 5 * hal::kMs);
  });
  rig.run_ms(20);
  EXPECT_TRUE(returned);
  EXPECT_EQ(rig.status.rx_no_endpoint, 1u);
  EXPECT_EQ(app.status().callbacks, 0u);
}

// Kicks with notify id 1 the remote attempts while Linux has vring1 notifications enabled (a
// Linux sender sleeping for a TX buffer clears NO_INTERRUPT) after a burst of three to the sink.
// Back-to-back kicks find the mailbox still busy and are lost (the sample ignores ipm_send's
// -EBUSY), so attempts are counted on the remote: sent + lost, minus the announcement's kick.
std::uint64_t rx_kicks_after_burst(const char* release,
                                   const std::map<std::string, bool>& features = {},
                                   bool vq_rx_empty_notify = false) {
  RemoteRig rig;
  rig.options.release = release;
  rig.options.openamp_features = features;
  rig.options.vq_rx_empty_notify = vq_rx_empty_notify;
  Sink sink;
  rig.boot_remote({&sink.app});
  std::uint64_t received_id1 = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    m.vring1().set_avail_flags(0);
    for (unsigned n = 1; n <= 3; ++n) m.post(kLinuxAddr, kRemoteAddr, numbered(n, 5));
    m.kick(1);
    m.wait_tx_returned(3, 5 * hal::kMs);
    while (m.wait_kick(1 * hal::kMs)) {
    }
    for (std::uint32_t id : m.kicks()) received_id1 += id == 1 ? 1 : 0;
  });
  rig.run_ms(40);
  EXPECT_GE(received_id1, 1u);
  EXPECT_EQ(received_id1 + rig.status.kicks_lost,
            rig.status.kicks_sent + rig.status.kicks_lost - 1);
  // Every kick the driver did not refuse is one doorbell write the mailbox saw.
  EXPECT_EQ(
      rig.f.platform().mailbox().link().stats(models::mailbox_terminal(Side::kRemote)).messages,
      rig.status.kicks_sent);
  return rig.status.kicks_sent + rig.status.kicks_lost - 1;
}

TEST(ZephyrRx, OnTheDefaultBoardEveryReturnedRxBufferAndEverySendRingsTheDoorbell) {
  // v2024.05 (Zephyr 3.7's): a kick after each returned RX buffer (40820be) and one per send.
  // Linux listening on vring1 (avail.flags 0) and ping-pong pacing keep the one-word mailbox
  // free, so every kick is a doorbell write the mailbox counts.
  RemoteRig rig;
  ClientSampleResponder app(quiet_client());
  rig.boot_remote({&app});
  constexpr unsigned kRounds = 5;
  std::size_t echoes = 0;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs); // the NS announcement
    m.vring1().set_avail_flags(0);
    for (unsigned n = 1; n <= kRounds; ++n) {
      m.send(kLinuxAddr, kRemoteAddr, numbered(n, 12));
      for (const ScriptedMaster::Message& msg : collect(m, 1, 10 * hal::kMs))
        echoes += msg.hdr.dst == kLinuxAddr ? 1 : 0;
    }
  });
  rig.run_ms(60);
  EXPECT_EQ(echoes, kRounds);
  EXPECT_EQ(rig.status.rx_buffers, kRounds);
  EXPECT_EQ(rig.status.tx_buffers, kRounds + 1); // the echoes and the announcement
  EXPECT_EQ(rig.status.kicks_lost, 0u);
  const models::MailboxDirectionStats& doorbells =
      rig.f.platform().mailbox().link().stats(models::mailbox_terminal(Side::kRemote));
  EXPECT_EQ(doorbells.messages, rig.status.rx_buffers + rig.status.tx_buffers);
}

/// The remote's maintenance sites, in order, while one 5-byte message is taken and returned
/// (Sink keeps nothing past its callback).
std::vector<std::string> sites_for_one_message(const char* release) {
  struct Sites : models::ClusterObserver {
    std::vector<std::string> seen;
    bool recording = false;
    void on_maintenance(const char*, const char* site, std::uint64_t, std::uint64_t, bool,
                        std::uint64_t) override {
      if (recording) seen.emplace_back(site);
    }
  } sites;
  RemoteRig rig;
  rig.options.release = release;
  Sink sink;
  rig.boot_remote({&sink.app});
  rig.f.platform().cluster(Side::kRemote).add_observer(&sites);
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);
    sites.recording = true;
    m.send(kLinuxAddr, kRemoteAddr, numbered(1, 5));
    m.wait_tx_returned(1, 5 * hal::kMs);
  });
  rig.run_ms(30);
  EXPECT_EQ(sink.received.size(), 1u);
  return sites.seen;
}

TEST(ZephyrRx, FromV2024_05AReturnedBufferIsLookedUpByItsIndexAndDescLenReadAgain) {
  // rpmsg_virtio_rx_callback -> rpmsg_virtio_release_rx_buffer_nolock (PR #524):
  // virtqueue_get_buffer_length (desc.len invalidated) right before the buffer's own invalidate
  // (ipcsim conform found the model returning the buffer with the length it took it with).
  const std::vector<std::string> s = sites_for_one_message("v2024.05");
  const auto returned = std::find(s.begin(), s.end(), "rx_buffer_return_invalidate");
  ASSERT_NE(returned, s.end());
  ASSERT_NE(returned, s.begin());
  EXPECT_EQ(*std::prev(returned), "rx_desc_len_invalidate");
  // Taking it reads desc.len once (split_desc_invalidate), returning it once more.
  EXPECT_EQ(std::count(s.begin(), s.end(), "rx_desc_len_invalidate"), 2);
}

TEST(ZephyrRx, BeforeV2024_05ABufferGoesBackWithTheLengthItWasTakenWith) {
  const std::vector<std::string> s = sites_for_one_message("v2023.10");
  EXPECT_EQ(std::count(s.begin(), s.end(), "rx_desc_len_invalidate"), 0);
  EXPECT_EQ(std::count(s.begin(), s.end(), "rx_buffer_return_invalidate"), 1);
}

TEST(ZephyrRx, RxBuffersAreAcknowledgedOncePerBatchUntilV2023_10) {
  EXPECT_EQ(rx_kicks_after_burst("v2023.10"), 1u);
}

TEST(ZephyrRx, FromV2024_05EveryReturnedRxBufferIsKicked) {
  // 40820be: the kick after each rpmsg_virtio_return_buffer; v2024.10 keeps it by default.
  EXPECT_EQ(rx_kicks_after_burst("v2024.05"), 3u);
}

TEST(ZephyrRx, V2024_10KicksAfterEveryReturnedRxBuffer) {
  EXPECT_EQ(rx_kicks_after_burst("v2024.10"), 3u);
}

TEST(ZephyrRx, PerBufferKicksSwitchedOffKickOncePerBatch) {
  EXPECT_EQ(rx_kicks_after_burst("v2024.05", {{"kick_per_rx_buffer", false}}), 1u);
}

TEST(ZephyrRx, VqRxEmptyNotifyKicksOnceWhenTheRingIsEmpty) {
  EXPECT_EQ(rx_kicks_after_burst("v2024.10", {}, true), 1u);
}

/// v2022.10 streaming three messages, with or without the NULL invalidate.
struct NullInvalidateRun {
  explicit NullInvalidateRun(bool null_invalidate) {
    rig.options.release = "v2022.10";
    rig.options.openamp_features["null_buffer_invalidate"] = null_invalidate;
    rig.boot_remote({&sink.app});
    rig.boot_master([this](ScriptedMaster& m, hal::Hal&) { stream_to_sink(m, 3, 5); });
    rig.run_ms(30);
  }
  RemoteRig rig{kTableUncached};
  Sink sink;
};

TEST(ZephyrRx, UpToV2022_10AnEmptyRingEndsTheDrainWithANullInvalidateThatFaultsAtVa0) {
  // rpmsg_virtio_get_rx_buffer's metal_cache_invalidate(NULL, len) with the drain's last
  // desc.len (removed by PR #466): DC maintenance from VA 0, which the remote's MMU leaves
  // unmapped, so the first drain that took a buffer ends in a translation fault.
  LogCapture::instance().expect(log::Level::kWarn, "mmu_fault at 0x00000000");
  NullInvalidateRun run(true);
  const auto& panic = run.rig.f.platform().cluster(Side::kRemote).panic_info();
  ASSERT_TRUE(panic.has_value());
  EXPECT_EQ(panic->kind, "mmu_fault");
  EXPECT_EQ(panic->address, 0u);
  EXPECT_EQ(run.sink.received.size(), 1u); // the message that drain took
  // Two: a notification that found the ring empty (len 0, as the model takes C's uninitialised
  // `len`: nothing issued), then the end of the drain that took the message.
  EXPECT_EQ(run.rig.status.null_buffer_invalidates, 2u);
}

TEST(ZephyrRx, WithoutTheNullInvalidateV2022_10TakesEveryMessage) {
  NullInvalidateRun run(false);
  EXPECT_FALSE(run.rig.f.platform().cluster(Side::kRemote).panic_info().has_value());
  EXPECT_EQ(run.sink.received, numbered_list(3, 5));
  EXPECT_EQ(run.rig.status.null_buffer_invalidates, 0u);
}

} // namespace
} // namespace sim::test

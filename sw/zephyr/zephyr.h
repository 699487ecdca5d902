// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Zephyr 3.7 + OpenAMP remote as co-simulated software (DESIGN §4, rpmsg-protocol.md §6–§7):
// an IPM driver on the TCC mailbox, OpenAMP's remoteproc_virtio / virtqueue (device side) /
// rpmsg_virtio with the cache-maintenance points of CONFIG_OPENAMP_WITH_DCACHE, and the
// openamp_rsc_table sample's structure (rpmsg_mng_task draining vring1 on every IPM interrupt).
// Applications (the sample's responders, ...) are ZephyrApp threads started once the rpmsg device
// is up, each creating its endpoints.
//
// The resource table is static data of the remote image: the simulator places its bytes in DRAM
// before time zero (not through the remote's cache), as the boot loader leaves the image.
// Zephyr maps the shared memory write-back cacheable, so every coherency rule matters here.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/platform_info.h"
#include "sw/zephyr/log_core.h"

namespace sim::sw::zephyr {

// OpenAMP error codes (RPMSG_ERROR_BASE = -2000).
inline constexpr int kRpmsgErrNoMem = -2001;
inline constexpr int kRpmsgErrNoBuff = -2002;
inline constexpr int kRpmsgErrParam = -2003;
inline constexpr int kRpmsgErrDevState = -2004;
inline constexpr int kRpmsgErrAddr = -2007;
inline constexpr std::uint32_t kRpmsgAddrAny = 0xffffffffu;
inline constexpr int kRpmsgSuccess = 0;
inline constexpr int kRpmsgErrBuffSize = -2005;
inline constexpr int kRpmsgErrInit = -2006;

/// Zephyr's cooperative and preemptible priorities with CONFIG_NUM_COOP_PRIORITIES = 16:
/// K_PRIO_COOP(x) = x - 16 (negative), K_PRIO_PREEMPT(x) = x. Lower is more urgent.
constexpr int k_prio_coop(int x) {
  return x - 16;
}
constexpr int k_prio_preempt(int x) {
  return x;
}

/// The image's logging (docs/models/zephyr-logging.md; log_core.h).
struct LogOptions {
  /// deferred (LOG_MODE_DEFERRED, Zephyr's default), immediate, minimal, or printk: the sample as
  /// Zephyr 3.6 and earlier printed it, synchronously, without the debug lines. Unless a
  /// configuration says otherwise, the Zephyr version picks it (sample_log_mode).
  logging::Mode mode = logging::Mode::kDeferred;
  /// The module's level: the 3.7 sample registers openamp_rsc_table at LOG_LEVEL_DBG (4,
  /// inferred); statements above it are compiled out.
  unsigned level = 4;
  std::size_t buffer_size = 1024;              ///< CONFIG_LOG_BUFFER_SIZE
  unsigned trigger_threshold = 10;             ///< CONFIG_LOG_PROCESS_TRIGGER_THRESHOLD
  hal::SimTime thread_sleep = 1000 * hal::kMs; ///< CONFIG_LOG_PROCESS_THREAD_SLEEP_MS
  int thread_priority = 14;                    ///< K_LOWEST_APPLICATION_THREAD_PRIO
  bool colors = true;                          ///< CONFIG_LOG_BACKEND_SHOW_COLOR
  /// Packaging a deferred message in the caller (cbprintf_package, the ring's alloc and
  /// commit): inferred.
  std::uint64_t package_cycles = 400;
};

/// How the openamp_rsc_table sample of a Zephyr version reaches its console.
/// samples/subsys/ipc/openamp_rsc_table/src/main_remote.c: up to v3.6.0 (2024-02-23) the banners
/// and every "incoming msg" line are printk() calls; from the rework merged in March 2024
/// (zephyr PR #70517, in v3.7.0) every line is LOG_INF/LOG_DBG and prj.conf keeps the logging
/// subsystem's default, LOG_MODE_DEFERRED. Which tag holds which is inferred from the dates
/// (docs/models/zephyr-logging.md); `software.remote.logging.mode` overrides it.
logging::Mode sample_log_mode(std::string_view zephyr_version);

struct ZephyrOptions {
  /// OpenAMP release preset: v2021.10, v2022.04, v2022.10, v2023.04, v2023.10, v2024.05
  /// (Zephyr 3.7's), v2024.10. Each changes behaviour as the real release did
  /// (openamp_release.h).
  std::string release = "v2024.05";
  /// Single features of the release switched on or off (openamp_feature_keys()), a what-if.
  std::map<std::string, bool> openamp_features;
  /// WITH_VQ_RX_EMPTY_NOTIFY (v2024.10 and later, default OFF): the RX loop kicks once when it
  /// finds the ring empty, if it returned a buffer, instead of after every returned buffer.
  bool vq_rx_empty_notify = false;
  /// CONFIG_OPENAMP_WITH_DCACHE (needs CONFIG_CACHE_MANAGEMENT).
  bool dcache = true;
  /// Zephyr release: "3.7", or "3.3", whose lib/open-amp turned CONFIG_OPENAMP_WITH_DCACHE into
  /// macros OpenAMP never tested, so the option had no effect (real-bugs B2, Zephyr PR #52972,
  /// fixed by #56664).
  std::string zephyr = "3.7";
  /// Where the image's resource_table symbol lives and what it says.
  std::uint64_t rsc_table = 0x200c63b8;
  unsigned vring_num = 8;
  unsigned vring_align = 16;
  std::uint64_t vring0 = 0x200c8000; ///< 0xffffffff: allocated by the master
  std::uint64_t vring1 = 0x200c9000;
  /// CONFIG_RAM_CONSOLE: adds the trace entry to the table (status moves to 0x30).
  bool ram_console = false;
  /// printk reaches the serial console.
  bool console = true;
  /// D-cache line the maintenance loops step by (CTR_EL0.DminLine on the A55: 64 bytes).
  unsigned dcache_line = 64;
  /// rpmsg_send's wait for a TX buffer: RPMSG_TICK_COUNT 1 ms polls (15 s). Tests shorten it.
  hal::SimTime tx_buffer_timeout = 15 * hal::kSec;
  /// Install a notify_wait_cb (OpenAMP >= v2024.05 only): a sender waiting for a TX buffer waits
  /// for the next IPM notification instead of sleeping 1 ms. The stock sample does not install it.
  bool notify_wait = false;
  LogOptions logging;
  /// Fault (real-bugs B10, OpenAMP #181): the `n`-th TX buffer handed out (counting from 1) is
  /// handed out again by the next request, as when two senders race before either enqueues it.
  /// 0: off.
  unsigned double_tx_buffer_nth = 0;
};

/// An OpenAMP rpmsg endpoint.
class Endpoint {
public:
  virtual ~Endpoint() = default;
  virtual std::uint32_t addr() const = 0;
  /// The peer's address: RPMSG_ADDR_ANY until the first message from Linux arrives.
  virtual std::uint32_t dest() const = 0;
  /// rpmsg_send: waits for a TX buffer (1 ms polls, up to 15 s). Bytes sent, or RPMSG_ERR_*.
  virtual int send(const void* data, std::size_t len) = 0;
  /// rpmsg_trysend: RPMSG_ERR_NO_BUFF at once when no TX buffer is available.
  virtual int trysend(const void* data, std::size_t len) = 0;
  /// rpmsg_hold_rx_buffer / rpmsg_release_rx_buffer on the `data` pointer of a callback.
  virtual void hold_rx_buffer(const void* data) = 0;
  virtual void release_rx_buffer(const void* data) = 0;
  /// rpmsg_destroy_ept: sends NS DESTROY when the endpoint was announced.
  virtual void destroy() = 0;
  /// What rpmsg_create_ept returned: 0, or RPMSG_ERR_ADDR / the NS announcement's error (the
  /// endpoint is then not registered and sends fail with RPMSG_ERR_PARAM).
  virtual int create_status() const = 0;
};

/// Endpoint callback: runs in the rpmsg_mng_task thread while it drains vring1. `data` points at
/// a copy of the payload as this core read it (through its cache).
using EndpointCallback =
    std::function<int(Endpoint& ept, const void* data, std::size_t len, std::uint32_t src)>;

/// One log statement of the image, as its call site makes it.
struct LogCall {
  logging::Level level = logging::Level::kInf;
  /// `__func__`: debug lines get "<func>: " (LOG_FUNC_NAME_PREFIX_DBG); empty for none.
  std::string func;
  std::string text;       ///< formatted, without the newline
  unsigned arguments = 0; ///< after the format string (the prefix's __func__ not included)
  std::vector<std::size_t> copied_strings; ///< strings the package copies (not read-only)
};

/// The image's logging subsystem (log_subsystem.h), shared by the sample's applications.
class Logger {
public:
  virtual ~Logger() = default;
  virtual void log(const LogCall& call) = 0;
};

/// The rpmsg device applications create endpoints on.
class Rpmsg {
public:
  virtual ~Rpmsg() = default;
  /// rpmsg_create_ept with name announcement (NS CREATE) when the device supports it.
  virtual Endpoint& create_endpoint(const std::string& name, std::uint32_t src, std::uint32_t dst,
                                    EndpointCallback callback) = 0;
  /// The image's logging, which its applications log through (nullptr: plain printk).
  virtual Logger* logger() { return nullptr; }
};

/// A remote application: its thread starts once the rpmsg device is initialised.
class ZephyrApp {
public:
  virtual ~ZephyrApp() = default;
  virtual hal::ThreadSpec thread() const = 0;
  virtual void run(hal::Hal& hal, Rpmsg& rpmsg) = 0;
};

struct ZephyrStatus {
  bool driver_ok_seen = false; ///< the status poll saw DRIVER_OK
  bool rpmsg_ready = false;    ///< rpmsg_init_vdev done, apps started
  std::uint64_t ipm_interrupts = 0;
  std::uint64_t kicks_sent = 0;
  std::uint64_t tx_buffer_waits = 0; ///< 1 ms polls while waiting for a TX buffer
  std::uint64_t rx_no_endpoint = 0;  ///< message with no matching endpoint (silently dropped)
  std::uint64_t tx_truncated = 0;    ///< payload above the buffer size, cut silently
  std::uint64_t kicks_lost = 0;      ///< ipm_send refused (TX FIFO busy); the sample ignores it
  std::uint64_t rx_buffers = 0;      ///< RX buffers taken from vring1
  std::uint64_t tx_buffers = 0;      ///< TX buffers filled and returned through vring0
  /// v2021.10-v2022.04: get_rx_buffer invalidated a NULL buffer when vring1 was empty (harmless
  /// on this platform; counted, no cache operation issued).
  std::uint64_t null_buffer_invalidates = 0;
  /// A descriptor address outside the shared-memory region: phys_to_virt gives NULL, OpenAMP takes
  /// it for "no buffer" (the slot is consumed and never returned).
  std::uint64_t bad_buffer_addresses = 0;
  std::uint64_t log_messages = 0; ///< log statements made (at or below the level)
  std::uint64_t log_dropped = 0;  ///< deferred messages dropped from a full buffer
  /// Log lines printed: by the log thread (deferred), by the caller (immediate, minimal). What
  /// was neither printed nor dropped was still in the buffer when the run ended.
  std::uint64_t log_lines = 0;
  /// When the double_tx_buffer fault handed a buffer out a second time.
  std::vector<hal::SimTime> double_tx_buffer_fired;
  /// Why the image stopped before rpmsg was ready (empty while fine).
  std::string error;
};

/// Boots the image on the calling thread (main): IPM set-up, wait for DRIVER_OK, vrings,
/// rpmsg_init_vdev, the rpmsg_mng_task thread, then the applications. `apps` must outlive the
/// simulation. Throws std::invalid_argument for an unknown `options.release` (before touching the
/// hardware), listing the valid ones.
void boot(hal::Hal& hal, const PlatformInfo& info, const ZephyrOptions& options,
          const std::vector<ZephyrApp*>& apps, ZephyrStatus& status);

} // namespace sim::sw::zephyr

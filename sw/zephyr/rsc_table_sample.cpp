// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/rsc_table_sample.h"

#include <string>

#include "sw/shm/layout.h"

namespace sim::sw::zephyr {
namespace {

constexpr std::uint32_t kVdevId = 0xff; // VDEV_ID
constexpr std::uint32_t kVring1Id = 1;  // VRING1_ID = CONFIG_OPENAMP_RSC_TABLE_IPM_TX_ID
constexpr unsigned kVringCount = 2;     // VRING_COUNT

MetalCache::Switches cache_switches(const ZephyrOptions& o, const OpenampRelease& r) {
  MetalCache::Switches s;
  const bool dcache = o.dcache && o.zephyr != "3.3"; // B2: the 3.3 option reached nothing
  s.vrings = dcache;
  s.buffers = dcache;
  s.rsc_table = dcache && r.has(Feature::kRscTableInvalidate);
  return s;
}

RpmsgVirtioDevice::Config device_config(const ZephyrOptions& o) {
  RpmsgVirtioDevice::Config c;
  c.tx_buffer_timeout = o.tx_buffer_timeout;
  c.notify_wait = o.notify_wait;
  c.vq_rx_empty_notify = o.vq_rx_empty_notify;
  c.double_tx_buffer_nth = o.double_tx_buffer_nth;
  return c;
}

DeviceVirtqueue::ShmRegion shm_region(const PlatformInfo& info) {
  // zephyr,ipc_shm = &vdev0buffer in the reference overlay: descriptors must point inside it.
  auto it = info.carveouts.find("vdev0buffer");
  if (it == info.carveouts.end()) return {};
  return {it->second.base, it->second.size};
}

} // namespace

RscTableSample::RscTableSample(hal::Hal& hal, const PlatformInfo& info,
                               const ZephyrOptions& options, OpenampRelease release,
                               ZephyrStatus& status)
    : hal_(hal), info_(info), options_(options), release_(std::move(release)), status_(status),
      log_(hal, options.logging, options.console, "openamp_rsc_table", status),
      cache_(hal, options.dcache_line, cache_switches(options, release_)), ipm_(hal, info_),
      data_sem_(hal.os().semaphore("data_sem", 0, 1)),
      rproc_(hal, cache_, release_, options.rsc_table,
             shm::rsc::ZephyrTableLayout{options.ram_console ? 2u : 1u}, kVdevId,
             [this](std::uint32_t id) { mailbox_notify(id); }),
      rpmsg_(hal, cache_, release_, rproc_, status, device_config(options)) {
  rpmsg_.set_logger(&log_);
}

void RscTableSample::log(logging::Level level, const char* func, std::string text,
                         unsigned arguments) {
  LogCall call;
  call.level = level;
  call.func = func;
  call.text = std::move(text);
  call.arguments = arguments;
  log_.log(call);
}

void RscTableSample::mailbox_notify(std::uint32_t id) {
  log(logging::Level::kDbg, "mailbox_notify", "mailbox_notify: msg received", 1);
  // ipm_send(ipm_handle, 0, id, NULL, 0): a busy mailbox loses the kick; the sample never checks.
  if (ipm_.send(id) == 0) {
    ++status_.kicks_sent;
    hal_.probe(hal::signal_event(hal::ProbeKind::kKick));
  } else {
    ++status_.kicks_lost;
    hal_.probe(hal::signal_event(hal::ProbeKind::kKickLost));
  }
}

void RscTableSample::rpmsg_mng_task() {
  for (;;) {
    data_sem_.take(hal::kForever);
    rproc_.notified(kVring1Id);
  }
}

void RscTableSample::run(std::shared_ptr<RscTableSample> owner,
                         const std::vector<ZephyrApp*>& apps) {
  // enable_logger runs at SYS_INIT, before main.
  log_.start();
  log(logging::Level::kInf, "main", "Starting application threads!");
  log(logging::Level::kInf, "rpmsg_mng_task", "OpenAMP[remote] Linux responder demo started");

  // platform_init: IPM callback and enable. The image is static data in the real firmware: the
  // OS's interrupt handler owns it here (on every path, including an early return before
  // rpmsg_mng_task exists), and the kernel keeps its handlers, retired ones too, until it goes.
  // The callback itself points into the image without owning it: no reference cycle. No owner
  // stays on this thread's stack across the blocking waits below: a coroutine stack that is
  // never unwound (a boot still waiting when the run ends) would keep the image alive past its
  // owners, which LeakSanitizer rightly calls a leak.
  ipm_.register_callback([this](std::uint32_t id) {
    ++status_.ipm_interrupts;
    // platform_ipm_callback, in the IPM interrupt.
    log(logging::Level::kDbg, "platform_ipm_callback",
        "platform_ipm_callback: msg received from mb " + std::to_string(id), 2);
    data_sem_.give();
    rpmsg_.on_notification();
  });
  ipm_.enable(std::move(owner));

  // platform_create_rpmsg_vdev
  const std::uint8_t vrings = rproc_.create_vdev();
  if (vrings < kVringCount) {
    status_.error = "resource table vdev has " + std::to_string(vrings) + " vrings, expected 2";
    log(logging::Level::kErr, "rpmsg_mng_task", "Failed to create rpmsg virtio device");
    return;
  }
  rproc_.wait_remote_ready();
  status_.driver_ok_seen = true;
  for (unsigned i = 0; i < kVringCount; ++i) rproc_.init_vring(i, rproc_.table_vring(i));
  rpmsg_.init(shm_region(info_));

  hal_.os().spawn({"rpmsg_mng_task", k_prio_coop(8), true, 0},
                  [self = shared_from_this()] { self->rpmsg_mng_task(); });
  for (ZephyrApp* app : apps)
    hal_.os().spawn(app->thread(),
                    [self = shared_from_this(), app] { app->run(self->hal_, self->rpmsg_); });
  status_.rpmsg_ready = true;
}

void boot(hal::Hal& hal, const PlatformInfo& info, const ZephyrOptions& options,
          const std::vector<ZephyrApp*>& apps, ZephyrStatus& status) {
  hal.probe(hal::signal_event(hal::ProbeKind::kBoot));
  OpenampRelease release = openamp_release(options.release, options.openamp_features);
  // The image's owner is the OS (its interrupt handler, its threads), never this stack: see run().
  auto image = std::make_shared<RscTableSample>(hal, info, options, std::move(release), status);
  RscTableSample& sample = *image;
  sample.run(std::move(image), apps);
}

} // namespace sim::sw::zephyr

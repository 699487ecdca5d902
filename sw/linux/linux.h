// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Linux 5.10 RPMsg master as co-simulated software (DESIGN §4, rpmsg-protocol.md §3–§5):
// the TCC mailbox controller and the mailbox framework's client queue, the TCC remoteproc
// platform driver in attach (self-boot) mode, the virtio split ring (driver side) and
// virtio_rpmsg_bus with its name service. Client drivers (rpmsg_client_sample, ...) register an
// RpmsgDriver; a channel announced by the remote probes the driver whose name matches.
//
// Linux maps the carve-outs Normal-NC (memremap WC / ioremap_wc), so this stack does no cache
// maintenance: only barriers. Timing comes from the HAL (memory, MMIO, console) and the OS model.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/platform_info.h"

namespace sim::sw::lnx {

// Linux errno values the stack returns (negated, as the kernel does).
inline constexpr int kEnomem = -12;
inline constexpr int kEbusy = -16;
inline constexpr int kEinval = -22;
inline constexpr int kEnobufs = -105;
inline constexpr int kEmsgsize = -90;
inline constexpr int kErestartsys = -512;
inline constexpr int kEio = -5;
inline constexpr int kEnospc = -28;

struct LinuxOptions {
  std::string kernel = "5.10";
  /// Mailbox framework queue per channel (MBOX_TX_QUEUE_LEN); a send beyond it is -ENOBUFS.
  unsigned mbox_tx_queue_len = 20;
  /// printk reaches the serial console (each character costs its time on the wire).
  bool console = true;
  /// rpmsg_send's wait for a TX buffer.
  hal::SimTime send_timeout = 15 * hal::kSec;
  /// Core the mailbox interrupts, the remoteproc workqueue and the probe run on.
  unsigned core = 0;
  /// console_loglevel: printk lines of a level below it reach the console (7 prints KERN_INFO
  /// and more urgent; 4, the `quiet` boot argument, only warnings and errors).
  int console_loglevel = 7;
  /// What storing one printk line costs its caller, console or not (vscnprintf of the format
  /// and printk_ringbuffer's reserve/commit on an A55: about 1 us; inferred).
  std::uint64_t printk_store_cycles = 1500;
  /// Fault (real-bugs B11, stm32_rproc 2023->2024): the mailbox callback drops vq interrupts
  /// while the remote processor is in the attached state.
  bool ignore_vq_irq_when_attached = false;
};

/// An rpmsg channel as its driver sees it (struct rpmsg_device and its default endpoint).
class RpmsgDevice {
public:
  virtual ~RpmsgDevice() = default;
  virtual const std::string& name() const = 0;
  virtual std::uint32_t src() const = 0;
  virtual std::uint32_t dst() const = 0;
  /// rpmsg_send: waits up to send_timeout for a TX buffer. 0, or -EMSGSIZE, -ERESTARTSYS, ...
  virtual int send(const void* data, std::size_t len) = 0;
  virtual int sendto(const void* data, std::size_t len, std::uint32_t dst) = 0;
  /// rpmsg_trysend: -ENOMEM when no TX buffer is free.
  virtual int trysend(const void* data, std::size_t len) = 0;

  /// The HAL of the cluster the channel lives on (drivers' threads, probes, time).
  virtual hal::Hal& hal() = 0;
  /// The device name, as in dmesg: "virtio0.rpmsg-client-sample.-1.1024".
  virtual std::string dev_name() const = 0;
  /// dev_info / dev_err on the channel: "<driver> <dev_name>: <text>" through printk.
  virtual void dev_info(std::string_view text) = 0;
  virtual void dev_err(std::string_view text) = 0;
};

/// An rpmsg client driver (struct rpmsg_driver), matched by channel name.
class RpmsgDriver {
public:
  virtual ~RpmsgDriver() = default;
  virtual std::string name() const = 0;
  /// The driver's own name (struct device_driver.name), the prefix of its dev_info lines.
  virtual std::string driver_name() const { return name(); }
  /// Runs inside the RX work that handled the NS announcement (as in Linux).
  virtual int probe(RpmsgDevice& dev) = 0;
  /// Runs in the RX work for every message to the channel's endpoint.
  virtual int callback(RpmsgDevice& dev, const void* data, std::size_t len, std::uint32_t src) = 0;
  /// The channel was destroyed (NS destroy from the remote).
  virtual void remove(RpmsgDevice& dev) { (void)dev; }
};

/// What happened at boot and since: read by the simulator for outcome and report.
struct LinuxStatus {
  bool attached = false;
  /// Attach failure, naming the address and the value found ("resource table version 2 at
  /// 0x200c63b8, expected 1"); empty when attached.
  std::string attach_error;
  std::uint64_t attach_error_address = 0;
  std::vector<std::string> channels_created;
  std::vector<std::string> channels_destroyed;
  std::uint64_t kicks_sent = 0;
  std::uint64_t kicks_lost = 0;        ///< mailbox framework queue full (-ENOBUFS)
  std::uint64_t rx_no_recipient = 0;   ///< "msg received with no recipient"
  std::uint64_t rx_too_big = 0;        ///< "inbound msg too big" (RX buffer leaked)
  std::uint64_t rx_no_used_buffer = 0; ///< "uhm, incoming signal, but no used buffer ?"
  std::uint64_t tx_timeouts = 0;       ///< rpmsg_send gave up after send_timeout
  /// virtio_rpmsg_bus probed: "rpmsg host is online" (false with a non-rpmsg vdev id, a failed
  /// probe, or an attach failure).
  bool rpmsg_online = false;
  std::uint64_t tx_messages = 0;   ///< messages added to vring1
  std::uint64_t rx_messages = 0;   ///< buffers taken from vring0 and handed to an endpoint
  std::uint64_t mbox_tx_busy = 0;  ///< controller refused a send (-EBUSY): message stays queued
  std::uint64_t mbox_rx_words = 0; ///< command words read from the RX FIFO
  std::uint64_t vq_interrupts = 0; ///< rproc_vq_interrupt calls (one per distinct notify id)
  std::uint64_t vq_no_work = 0;    ///< ... that found no new used entry (IRQ_NONE)
  bool vq_broken = false;          ///< BAD_RING: a virtqueue was marked broken
  /// When the ignore_vq_irq_when_attached fault dropped a mailbox notification.
  std::vector<hal::SimTime> vq_irqs_ignored;
};

/// Boots the kernel side on the calling thread (the init thread): mailbox controller, remoteproc
/// probe and attach, virtio and rpmsg probe (RX buffers posted, status 0 -> 1 -> 3 -> 7, first
/// kick). Returns when probing is over; interrupt handlers, the workqueue and driver callbacks
/// keep running. `drivers` must outlive the simulation.
void boot(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options,
          const std::vector<RpmsgDriver*>& drivers, LinuxStatus& status);

} // namespace sim::sw::lnx

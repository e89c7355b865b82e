//! Which addresses figmine may connect to. Without `--allow-private`, loopback, private,
//! link-local (cloud metadata at 169.254.169.254), shared and unspecified addresses are refused,
//! so that a page or a redirect cannot point figmine at services inside the network it runs in.
//! Address literals in URLs are checked before each request; names are checked by the
//! resolver, after resolution, so a public name resolving to a private address is refused too.

use super::WebFailure;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// Whether an address is on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let shared = a == 100 && (64..128).contains(&b); // 100.64.0.0/10, carrier-grade NAT
    let this_network = a == 0; // 0.0.0.0/8
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || shared
        || this_network)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let unique_local = first & 0xfe00 == 0xfc00; // fc00::/7
    let link_local = first & 0xffc0 == 0xfe80; // fe80::/10
    !(ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() || unique_local || link_local)
}

/// Refuses a URL whose host is a non-public address literal.
pub(super) fn check_literal(url: &Url) -> Result<(), WebFailure> {
    let host = url.host_str().unwrap_or_default();
    let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
        return Ok(());
    };
    if is_public(ip) {
        Ok(())
    } else {
        Err(WebFailure::failed(format!(
            "refused: {ip} is a loopback, private or link-local address (use --allow-private)"
        )))
    }
}

/// A resolver that drops non-public addresses unless they are allowed. The lookup runs on its
/// own thread so that a slow DNS answer never blocks the client's other requests.
pub(super) struct PublicResolver {
    /// Keep non-public addresses.
    pub allow_private: bool,
}

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_owned();
        let lookup = Lookup::default();
        let shared = lookup.shared.clone();
        std::thread::spawn(move || {
            let result = resolve_filtered(&host, allow_private);
            let mut state = shared.lock().unwrap_or_else(|p| p.into_inner());
            state.0 = Some(result);
            if let Some(waker) = state.1.take() {
                waker.wake();
            }
        });
        Box::pin(lookup)
    }
}

/// Why the resolver gave no address. The fetcher tells the two apart: a name that does not
/// resolve may resolve later (it is retried), a refusal is figmine's own rule (it is not).
#[derive(Debug, thiserror::Error)]
pub(super) enum LookupError {
    /// The name did not resolve.
    #[error("cannot resolve {host}: {reason}")]
    NotFound {
        /// The host name.
        host: String,
        /// What the system resolver said.
        reason: String,
    },
    /// Every address of the name is loopback, private or link-local.
    #[error("refused: {host} resolves only to loopback, private or link-local addresses (use --allow-private)")]
    Refused {
        /// The host name.
        host: String,
    },
}

type LookupResult = Result<Vec<SocketAddr>, LookupError>;

fn resolve_filtered(host: &str, allow_private: bool) -> LookupResult {
    let addrs: Vec<SocketAddr> = (host, 0)
        .to_socket_addrs()
        .map_err(|e| LookupError::NotFound {
            host: host.to_owned(),
            reason: e.to_string(),
        })?
        .collect();
    let kept: Vec<SocketAddr> = addrs
        .iter()
        .copied()
        .filter(|a| allow_private || is_public(a.ip()))
        .collect();
    if kept.is_empty() && !addrs.is_empty() {
        return Err(LookupError::Refused { host: host.to_owned() });
    }
    Ok(kept)
}

/// A one-shot future fed by the lookup thread.
#[derive(Default)]
struct Lookup {
    shared: Arc<Mutex<(Option<LookupResult>, Option<Waker>)>>,
}

impl Future for Lookup {
    type Output = Result<Addrs, Box<dyn std::error::Error + Send + Sync>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.shared.lock().unwrap_or_else(|p| p.into_inner());
        match state.0.take() {
            Some(Ok(addrs)) => Poll::Ready(Ok(Box::new(addrs.into_iter()))),
            Some(Err(error)) => Poll::Ready(Err(Box::new(error))),
            None => {
                state.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_loopback_and_metadata_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn literal_hosts_are_checked_names_are_left_to_the_resolver() {
        assert!(check_literal(&Url::parse("http://127.0.0.1:8080/").unwrap()).is_err());
        assert!(check_literal(&Url::parse("http://[::1]/").unwrap()).is_err());
        assert!(check_literal(&Url::parse("http://8.8.8.8/").unwrap()).is_ok());
        assert!(check_literal(&Url::parse("http://localhost/").unwrap()).is_ok());
    }

    #[test]
    fn localhost_resolves_to_nothing_allowed() {
        let err = resolve_filtered("localhost", false).unwrap_err();
        assert!(matches!(err, LookupError::Refused { .. }), "{err}");
        assert!(err.to_string().starts_with("refused: localhost"), "{err}");
        assert!(!resolve_filtered("localhost", true).unwrap().is_empty());
    }
}

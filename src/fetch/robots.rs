//! robots.txt rules for one host, parsed by `texting_robots`.

use reqwest::Url;
use std::sync::Arc;
use std::time::Duration;

/// The most of a robots.txt that is read and parsed: RFC 9309 asks crawlers to parse at least
/// 500 KiB and lets them ignore the rest (a 50 MB file took 587 MB to parse whole).
pub(super) const MAX_ROBOTS_BYTES: usize = 512 * 1024;

/// What a host's robots.txt allows figmine's agent.
#[derive(Clone)]
pub(super) enum Robots {
    /// No robots.txt (4xx), or one that could not be parsed: everything allowed.
    AllowAll,
    /// The server failed to answer for its robots.txt (5xx, network): RFC 9309 says nothing may
    /// be fetched, but the site did not ask to be left alone, so its pages count as failed, not
    /// skipped. Holds the whole reason given for each page.
    Unreachable(String),
    /// Parsed rules.
    Rules(Arc<texting_robots::Robot>),
}

impl Robots {
    /// Everything allowed.
    pub fn allow_all() -> Robots {
        Robots::AllowAll
    }

    /// The robots.txt at `robots_url` could not be read, for `cause` (a few words).
    pub fn unreachable(robots_url: &Url, cause: &str) -> Robots {
        Robots::Unreachable(format!(
            "robots.txt of {} unreachable ({cause}): page not fetched",
            host_and_port(robots_url)
        ))
    }

    /// Parses a robots.txt body for `agent`: its first [`MAX_ROBOTS_BYTES`] only.
    pub fn parse(agent: &str, body: &[u8]) -> Robots {
        match texting_robots::Robot::new(agent, readable_part(body)) {
            Ok(robot) => Robots::Rules(Arc::new(robot)),
            Err(_) => Robots::AllowAll,
        }
    }

    /// Whether the server failed to answer for it.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Robots::Unreachable(_))
    }

    /// Whether the URL may be fetched.
    pub fn allows(&self, url: &Url) -> bool {
        match self {
            Robots::AllowAll => true,
            Robots::Unreachable(_) => false,
            Robots::Rules(robot) => robot.allowed(url.as_str()),
        }
    }

    /// The `Crawl-delay` for figmine's agent, if any.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules(robot) => robot
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(3600.0))),
            _ => None,
        }
    }
}

/// The part of a robots.txt that is parsed: all of it up to [`MAX_ROBOTS_BYTES`], else the whole
/// lines within them, so that no rule is read cut short (`Disallow: /news` cut to `Disallow: /`
/// would forbid the whole site).
fn readable_part(body: &[u8]) -> &[u8] {
    if body.len() <= MAX_ROBOTS_BYTES {
        return body;
    }
    let head = &body[..MAX_ROBOTS_BYTES];
    let end_of_last_line = head.iter().rposition(|&b| b == b'\n' || b == b'\r');
    end_of_last_line.map_or(&[], |i| &head[..=i])
}

/// `host` or `host:port`, as a reader would name a site.
pub(super) fn host_and_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_whole_lines_of_the_first_512_kib_are_read() {
        let mut body = b"User-agent: *\nDisallow: /private/\n".to_vec();
        // One comment line long enough that the limit falls just after `Disallow: /` of the next.
        let cut_at = MAX_ROBOTS_BYTES - "Disallow: /".len();
        body.push(b'#');
        body.resize(cut_at - 1, b'x');
        body.push(b'\n');
        body.extend_from_slice(b"Disallow: /news/old\nDisallow: /late/\n");
        assert_eq!(readable_part(&body).len(), cut_at);
        let robots = Robots::parse("figmine", &body);
        let allowed = |path: &str| robots.allows(&Url::parse(&format!("https://x.test{path}")).unwrap());
        assert!(!allowed("/private/1"));
        assert!(allowed("/news/1"), "a rule cut short was read");
        assert!(allowed("/late/1"), "a rule past the limit was read");
        assert_eq!(readable_part(b"Disallow: /x"), b"Disallow: /x");
    }

    #[test]
    fn rules_for_the_agent_apply_and_crawl_delay_is_read() {
        let txt = b"User-agent: figmine\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n";
        let robots = Robots::parse("figmine", txt);
        assert!(robots.allows(&Url::parse("https://x.test/news/1").unwrap()));
        assert!(!robots.allows(&Url::parse("https://x.test/private/1").unwrap()));
        assert_eq!(robots.crawl_delay(), Some(Duration::from_secs(2)));
        let other = Robots::parse("otherbot", txt);
        assert!(!other.allows(&Url::parse("https://x.test/news/1").unwrap()));
    }
}

//! robots.txt rules for one host, parsed by `texting_robots`.

use reqwest::Url;
use std::sync::Arc;
use std::time::Duration;

/// What a host's robots.txt allows figmine's agent.
#[derive(Clone)]
pub(super) enum Robots {
    /// No robots.txt (4xx), or one that could not be parsed: everything allowed.
    AllowAll,
    /// The server failed to answer for its robots.txt (5xx, network): nothing allowed (RFC 9309).
    DisallowAll(String),
    /// Parsed rules.
    Rules(Arc<texting_robots::Robot>),
}

impl Robots {
    /// Everything allowed.
    pub fn allow_all() -> Robots {
        Robots::AllowAll
    }

    /// Nothing allowed, with the reason.
    pub fn disallow_all(reason: String) -> Robots {
        Robots::DisallowAll(reason)
    }

    /// Parses a robots.txt body for `agent`.
    pub fn parse(agent: &str, body: &[u8]) -> Robots {
        match texting_robots::Robot::new(agent, body) {
            Ok(robot) => Robots::Rules(Arc::new(robot)),
            Err(_) => Robots::AllowAll,
        }
    }

    /// Whether the URL may be fetched.
    pub fn allows(&self, url: &Url) -> bool {
        match self {
            Robots::AllowAll => true,
            Robots::DisallowAll(_) => false,
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

#[cfg(test)]
mod tests {
    use super::*;

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

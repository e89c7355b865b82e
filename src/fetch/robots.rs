//! robots.txt rules for one host, parsed by `texting_robots`, and the parsed rules of the hosts
//! seen last ([`RecentRules`]): what a run keeps of every host is a few bytes, as the parsed
//! rules of thousands of hosts would not fit in memory.

use reqwest::Url;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The most of a robots.txt that is read and parsed: RFC 9309 asks crawlers to parse at least
/// 500 KiB and lets them ignore the rest (a 50 MB file took 587 MB to parse whole).
pub(super) const MAX_ROBOTS_BYTES: usize = 512 * 1024;

/// How many hosts' parsed robots.txt rules, those used last, are kept whatever they weigh: as
/// many as the pages fetched at once by default, whose rules are in memory while used anyway.
pub const KEPT_ROBOTS_RULES: usize = 8;

/// What a host's robots.txt allows figmine's agent, as kept for the whole run.
#[derive(Clone)]
pub(super) enum Robots {
    /// No robots.txt (4xx), or one that could not be parsed: everything allowed.
    AllowAll,
    /// The server failed to answer for its robots.txt (5xx, network): RFC 9309 says nothing may
    /// be fetched, but the site did not ask to be left alone, so its pages count as failed, not
    /// skipped. Holds the whole reason given for each page.
    Unreachable(String),
    /// Rules, read at `source` (the robots.txt after redirects): they are parsed again from
    /// there when they are no longer among the [`RecentRules`].
    Rules {
        /// Where they were read.
        source: Url,
        /// Their `Crawl-delay` for figmine's agent.
        crawl_delay: Option<Duration>,
    },
}

/// The rules of one robots.txt for figmine's agent, parsed.
pub(super) struct Rules {
    robot: texting_robots::Robot,
    /// About the memory they take ([`weight_of`]).
    weight: usize,
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

    /// Parses the robots.txt read at `source` for `agent` (its first [`MAX_ROBOTS_BYTES`] only):
    /// what to keep of it for the run, and its rules.
    pub fn parse(agent: &str, body: &[u8], source: &Url) -> (Robots, Option<Arc<Rules>>) {
        match Rules::parse(agent, body) {
            Some(rules) => {
                let robots = Robots::Rules {
                    source: source.clone(),
                    crawl_delay: rules.crawl_delay(),
                };
                (robots, Some(Arc::new(rules)))
            }
            None => (Robots::AllowAll, None),
        }
    }

    /// Whether the server failed to answer for it.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Robots::Unreachable(_))
    }

    /// The `Crawl-delay` for figmine's agent, if any.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules { crawl_delay, .. } => *crawl_delay,
            _ => None,
        }
    }
}

impl Rules {
    /// Parses a robots.txt body for `agent`: its first [`MAX_ROBOTS_BYTES`] only. `None` for one
    /// that cannot be parsed.
    pub fn parse(agent: &str, body: &[u8]) -> Option<Rules> {
        let readable = readable_part(body);
        let robot = texting_robots::Robot::new(agent, readable).ok()?;
        Some(Rules {
            robot,
            weight: weight_of(readable),
        })
    }

    /// Whether the URL may be fetched.
    pub fn allows(&self, url: &Url) -> bool {
        self.robot.allowed(url.as_str())
    }

    /// The `Crawl-delay` for figmine's agent, if any.
    fn crawl_delay(&self) -> Option<Duration> {
        self.robot
            .delay
            .filter(|d| d.is_finite() && *d > 0.0)
            .map(|d| Duration::from_secs_f32(d.min(3600.0)))
    }
}

/// About the memory the parsed rules of `readable` take, measured with `texting_robots` 0.2: some
/// 150 bytes a plain rule and 11 KB a rule with a `$` anywhere in it (each is a regular expression
/// compiled): 512 KiB of plain rules took 3.5 MB, of rules ending in `$` 281 MB. Lines end as
/// `texting_robots` ends them: at a line feed, a carriage return or a NUL.
fn weight_of(readable: &[u8]) -> usize {
    let compiled = readable
        .split(|&b| matches!(b, b'\n' | b'\r' | b'\0'))
        .filter(|line| {
            let rule = line.split(|&b| b == b'#').next().unwrap_or_default();
            rule.contains(&b'$')
        })
        .count();
    1024 + 8 * readable.len() + 11 * 1024 * compiled
}

/// The parsed rules of the robots.txt files used last, by where they were read, up to about a
/// given memory ([`Rules`]' weights), but at least those of the [`KEPT_ROBOTS_RULES`] used
/// last that weigh no more than their share of it (the hosts being fetched: rules parsed again
/// for each page of hosts taking turns cost 5.65 s of work for 200 pages): a host's rules that
/// fell out are parsed again when next needed. Kept for every host, 4,000 hosts with 20 rules each (half ending in
/// `$`) took 572 MB.
pub(super) struct RecentRules {
    most: usize,
    recent: Mutex<Recent>,
}

#[derive(Default)]
struct Recent {
    /// Counts uses: the rules used longest ago have the lowest.
    clock: u64,
    weight: usize,
    by_source: HashMap<String, (Arc<Rules>, u64)>,
    by_use: BTreeMap<u64, String>,
}

impl RecentRules {
    /// Rules kept up to about `most` bytes (but always the [`KEPT_ROBOTS_RULES`] used last that
    /// weigh no more than their share of it, and the last put).
    pub fn new(most: usize) -> RecentRules {
        RecentRules {
            most,
            recent: Mutex::default(),
        }
    }

    /// The rules read at `source`, if still kept; they become the last used.
    pub fn get(&self, source: &Url) -> Option<Arc<Rules>> {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let recent = &mut *recent;
        let (rules, used) = recent.by_source.get_mut(source.as_str())?;
        let rules = rules.clone();
        recent.by_use.remove(used);
        recent.clock += 1;
        *used = recent.clock;
        recent.by_use.insert(recent.clock, source.as_str().to_owned());
        Some(rules)
    }

    /// Keeps the rules read at `source` as the last used, letting go of those used longest ago
    /// past the memory allowed.
    pub fn put(&self, source: &Url, rules: Arc<Rules>) {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let recent = &mut *recent;
        recent.clock += 1;
        recent.weight += rules.weight;
        let key = source.as_str().to_owned();
        if let Some((old, used)) = recent.by_source.insert(key.clone(), (rules, recent.clock)) {
            recent.weight -= old.weight;
            recent.by_use.remove(&used);
        }
        recent.by_use.insert(recent.clock, key);
        while recent.weight > self.most {
            let Some(used) = self.first_to_let_go(recent) else {
                break;
            };
            let gone = recent
                .by_use
                .remove(&used)
                .and_then(|key| recent.by_source.remove(&key));
            if let Some((gone, _)) = gone {
                recent.weight -= gone.weight;
            }
        }
    }

    /// When the rules to let go of first were used: the rules used longest ago, but among the
    /// [`KEPT_ROBOTS_RULES`] used last only those weighing more than their share of the memory
    /// allowed (a host of 500 KiB of rules ending in `$` holds 280 MB), and never the last put.
    fn first_to_let_go(&self, recent: &Recent) -> Option<u64> {
        let count = recent.by_use.len();
        let share = self.most / KEPT_ROBOTS_RULES;
        recent
            .by_use
            .iter()
            .enumerate()
            .take(count.saturating_sub(1))
            .find(|(i, (_, key))| {
                i + KEPT_ROBOTS_RULES < count || recent.by_source.get(*key).is_some_and(|(r, _)| r.weight > share)
            })
            .map(|(_, (&used, _))| used)
    }

    /// How many rules are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.recent.lock().unwrap().by_source.len()
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
    // (texting_robots ends a line at a NUL too)
    let end_of_last_line = head.iter().rposition(|&b| matches!(b, b'\n' | b'\r' | b'\0'));
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

    fn url(path: &str) -> Url {
        Url::parse(&format!("https://x.test{path}")).unwrap()
    }

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
        let rules = Rules::parse("figmine", &body).unwrap();
        let allowed = |path: &str| rules.allows(&url(path));
        assert!(!allowed("/private/1"));
        assert!(allowed("/news/1"), "a rule cut short was read");
        assert!(allowed("/late/1"), "a rule past the limit was read");
        assert_eq!(readable_part(b"Disallow: /x"), b"Disallow: /x");
        // lines ended by NULs are read to the last NUL within the limit
        let mut nul = b"User-agent: *\0Disallow: /\0".to_vec();
        while nul.len() <= MAX_ROBOTS_BYTES {
            nul.extend_from_slice(b"Disallow: /padding$\0");
        }
        let rules = Rules::parse("figmine", &nul).unwrap();
        assert!(
            !rules.allows(&url("/news/a.html")),
            "a robots.txt of NUL lines was read as empty"
        );
    }

    #[test]
    fn rules_for_the_agent_apply_and_crawl_delay_is_read() {
        let txt = b"User-agent: figmine\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n";
        let (robots, rules) = Robots::parse("figmine", txt, &url("/robots.txt"));
        let rules = rules.unwrap();
        assert!(rules.allows(&url("/news/1")));
        assert!(!rules.allows(&url("/private/1")));
        assert_eq!(robots.crawl_delay(), Some(Duration::from_secs(2)));
        let other = Rules::parse("otherbot", txt).unwrap();
        assert!(!other.allows(&url("/news/1")));
    }

    /// Rules with a `$` anywhere weigh the most (each is a compiled expression), lines ending at
    /// a NUL as at a line feed; comments do not count.
    #[test]
    fn rules_with_a_dollar_weigh_the_most() {
        let plain = weight_of(b"User-agent: *\nDisallow: /a/\n");
        for heavy in [
            &b"User-agent: *\nDisallow: /*.json$\n"[..],
            b"User-agent: *\nDisallow: /p$q\n",
        ] {
            assert!(weight_of(heavy) >= plain + 11 * 1024, "{plain} {heavy:?}");
        }
        let two = weight_of(b"User-agent: *\0Disallow: /a$\0Disallow: /b$\0");
        assert!(two >= 2 * 11 * 1024, "{two}");
        let commented = weight_of(b"User-agent: *\nDisallow: /a/ # not $\n");
        assert!(commented < plain + 1024, "{plain} {commented}");
    }

    /// The rules used longest ago go first once the memory allowed is passed; a use makes
    /// rules the last used; the last rules put stay whatever their weight.
    #[test]
    fn recent_rules_let_go_of_those_used_longest_ago() {
        let rules = |path: &str| {
            Arc::new(Rules::parse("figmine", format!("User-agent: *\nDisallow: {path}$\n").as_bytes()).unwrap())
        };
        let one = rules("/a").weight;
        let kept = KEPT_ROBOTS_RULES;
        let recent = RecentRules::new((kept + 1) * one + one / 2);
        let source = |i: usize| url(&format!("/{i}.txt"));
        for i in 0..=kept {
            recent.put(&source(i), rules("/a"));
        }
        assert!(recent.get(&source(0)).is_some(), "0 is now the last used");
        recent.put(&source(kept + 1), rules("/b"));
        assert_eq!(recent.len(), kept + 1);
        assert!(recent.get(&source(1)).is_none(), "1 was used longest ago");
        assert!(!recent.get(&source(0)).unwrap().allows(&url("/a")));
        assert!(!recent.get(&source(kept + 1)).unwrap().allows(&url("/b")));
        // put again: replaced, not counted twice
        recent.put(&source(kept + 1), rules("/b"));
        assert_eq!(recent.len(), kept + 1);
        // past the memory allowed, the rules used last are kept if they weigh no more than
        // their share of it, and the last put whatever it weighs
        let light = RecentRules::new(kept * one);
        for i in 0..2 * kept {
            light.put(&source(i), rules("/a"));
        }
        let many: String = (0..20).map(|i| format!("Disallow: /{i}$\n")).collect();
        let heavy = Rules::parse("figmine", format!("User-agent: *\n{many}").as_bytes()).unwrap();
        assert!(heavy.weight > one * 10);
        light.put(&source(2 * kept), Arc::new(heavy));
        assert_eq!(light.len(), kept, "the last put and the light ones used last before it");
        assert!(light.get(&source(2 * kept)).is_some(), "the last rules put stay");
        assert!(light.get(&source(2 * kept - 1)).is_some());
        assert!(
            light.get(&source(kept)).is_none(),
            "the light one used longest ago went"
        );
        let tiny = RecentRules::new(1);
        for i in 0..2 * kept {
            tiny.put(&source(i), rules("/a"));
        }
        assert_eq!(tiny.len(), 1, "all heavier than their share");
        assert!(tiny.get(&source(2 * kept - 1)).is_some(), "the last rules put stay");
    }
}

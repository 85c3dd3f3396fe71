import {describe, expect, test} from 'vitest'
import {mailProse} from '../scripts/mail-prose.js'

/** A mail of my own, as a mail corpus keeps one: headers, a blank line, then the body. */
function mail(body: string, contentType = 'text/plain; charset=us-ascii'): string {
  return ['From: Ada Quill <ada@example.org>', 'Subject: Re: the night desk rota', `Content-Type: ${contentType}`, '', body].join('\n')
}

describe('mailProse', () => {
  test('keeps what the sender wrote, a paragraph a line, and drops the quoted mail and its attribution', () => {
    const body = [
      'On Tuesday, Ben Marsh wrote:',
      '> Could someone take the late shift on Friday night?',
      '> I have the ferry story to finish.',
      '',
      'I can take the late shift on Friday if someone covers',
      'my Sunday morning slot on the sports desk.',
      '',
      'Thanks,',
      'Ada'
    ].join('\n')
    expect(mailProse(mail(body))).toEqual(['I can take the late shift on Friday if someone covers my Sunday morning slot on the sports desk.'])
  })

  test('stops at a signature or a list footer', () => {
    const body = [
      'The new proofing tool works well for the whole team so far.',
      '-- ',
      'Ada Quill, night editor, and a long signature line that goes on',
      '',
      'More words after the signature that nobody wrote to the list.'
    ].join('\n')
    expect(mailProse(mail(body))).toEqual(['The new proofing tool works well for the whole team so far.'])
    const footer = ['We moved the weather page to the back of the paper.', '_______________________________________________', 'This list is run by volunteers for the members of the club.'].join('\n')
    expect(mailProse(mail(footer))).toEqual(['We moved the weather page to the back of the paper.'])
  })

  test('drops lines with links, addresses or code, and lines mostly not letters', () => {
    const body = [
      'The archive search is back up after the weekend outage.',
      'See http://archive.example.org/search for the details of it all.',
      'if (story.length > 800) { trim(story) } and more code here',
      '2002-08-29 16:42:46 0400 1030715441 2038 31 17kRI7 0008KP',
      '',
      'Send the corrections to the desk before the late edition goes.'
    ].join('\n')
    expect(mailProse(mail(body))).toEqual([
      'The archive search is back up after the weekend outage.',
      'Send the corrections to the desk before the late edition goes.'
    ])
  })

  test('reads nothing of a mail in HTML, in parts, or encoded', () => {
    const body = 'The council meeting moved to Thursday evening this week.'
    expect(mailProse(mail(body))).toHaveLength(1)
    expect(mailProse(mail(body, 'text/html'))).toEqual([])
    expect(mailProse(mail(body, 'multipart/alternative; boundary="x"'))).toEqual([])
    expect(mailProse(mail(body).replace('Subject:', 'Content-Transfer-Encoding: base64\nSubject:'))).toEqual([])
  })

  test('keeps no paragraph shorter than six words: greetings and sign-offs', () => {
    expect(mailProse(mail('Hi all,\n\nSee you Friday.\n\nBest wishes to everyone on the desk tonight.'))).toEqual([
      'Best wishes to everyone on the desk tonight.'
    ])
  })
})

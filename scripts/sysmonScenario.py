#!/usr/bin/env python3
"""Writes Sysmon (flat NXLog rendering) JSON lines for a scenario from a compact spec.

Used to author test/scenarios/*/sysmon.jsonl: each spec line is one Sysmon event, so a reviewer
reads the story, not JSON. Usage: scripts/sysmonScenario.py spec.txt > sysmon.jsonl

Spec lines (fields separated by ' | ', times 'YYYY-MM-DD HH:MM:SS', processes named by a label):
  host NAME IP
  running LABEL IMAGE | PID               (a process started before the log: no event; System, services.exe)
  start TIME LABEL IMAGE | COMMANDLINE | PARENT_LABEL | USER [| CONTENT]
  write TIME LABEL PATH
  load  TIME LABEL DLL | SIGNED(true/false) | SIGNER | STATUS [| CONTENT]
  dns   TIME LABEL NAME | IP
  conn  TIME LABEL DSTIP | DSTPORT | DSTHOSTNAME
The SHA-256 of an image or DLL derives from its path (and signer); an optional CONTENT label gives
files at different paths the same content (one package's custom action on many hosts).
"""
import hashlib
import json
import sys

processes = {}
host = {'name': 'HOST', 'ip': '10.0.0.1'}
record = [1000]


def guid(label):
    h = hashlib.sha256(f"{host['name']}|{label}".encode()).hexdigest()
    return '{%s-%s-%s-%s-%s}' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def base(event_id, ts, label):
    record[0] += 1
    p = processes[label]
    return {
        'Channel': 'Microsoft-Windows-Sysmon/Operational', 'SourceName': 'Microsoft-Windows-Sysmon',
        'Hostname': host['name'], 'EventID': event_id, 'RecordNumber': record[0],
        'UtcTime': ts + '.000', '@timestamp': ts.replace(' ', 'T') + 'Z',
        'ProcessGuid': p['guid'], 'ProcessId': str(p['pid']), 'Image': p['image'],
    }


def main(spec):
    out = []
    for raw in open(spec, encoding='utf-8'):
        line = raw.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        verb, rest = line.split(' ', 1)
        if verb == 'host':
            host['name'], host['ip'] = rest.split()
            continue
        if verb == 'running':
            label, tail = rest.split(' ', 1)
            image, pid = [f.strip() for f in tail.split(' | ')]
            processes[label] = {'guid': guid(label), 'pid': int(pid), 'image': image}
            continue
        date, clock, label, tail = rest.split(' ', 3)
        ts = f'{date} {clock}'
        fields = [f.strip() for f in tail.split(' | ')]
        if verb == 'start':
            image, command, parent, user, content = (fields + ['', '', '', ''])[:5]
            processes[label] = {'guid': guid(label), 'pid': 1000 + len(processes) * 4, 'image': image}
            event = base(1, ts, label)
            event.update({'CommandLine': command, 'User': user or 'CORP\\user',
                          'Hashes': 'SHA256=' + hashlib.sha256((content or image).encode()).hexdigest().upper()})
            if parent in processes:
                event.update({'ParentProcessGuid': processes[parent]['guid'], 'ParentProcessId': str(processes[parent]['pid']),
                              'ParentImage': processes[parent]['image']})
            out.append(event)
        elif verb == 'write':
            event = base(11, ts, label)
            event.update({'TargetFilename': fields[0], 'CreationUtcTime': ts + '.000'})
            out.append(event)
        elif verb == 'load':
            dll, signed, signer, status, content = (fields + [''])[:5]
            event = base(7, ts, label)
            event.update({'ImageLoaded': dll, 'Hashes': 'SHA256=' + hashlib.sha256((content or dll + signer).encode()).hexdigest().upper(),
                          'Signed': signed, 'Signature': signer, 'SignatureStatus': status})
            out.append(event)
        elif verb == 'dns':
            name, ip = fields
            event = base(22, ts, label)
            event.update({'QueryName': name, 'QueryStatus': '0', 'QueryResults': f'::ffff:{ip};'})
            out.append(event)
        elif verb == 'conn':
            ip, port, name = (fields + [''])[:3]
            event = base(3, ts, label)
            event.update({'Protocol': 'tcp', 'Initiated': 'true', 'SourceIsIpv6': 'false', 'SourceIp': host['ip'],
                          'SourceHostname': host['name'], 'SourcePort': str(49152 + record[0] % 10000),
                          'DestinationIsIpv6': 'false', 'DestinationIp': ip, 'DestinationPort': port})
            if name:
                event['DestinationHostname'] = name
            out.append(event)
        else:
            sys.exit(f'{spec}: unknown verb {verb!r} in: {line}')
    for event in out:
        print(json.dumps(event))


if __name__ == '__main__':
    main(sys.argv[1])
